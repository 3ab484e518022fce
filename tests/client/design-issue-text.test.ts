// The loader's findings and the stack events' reasons in the player's language: a finding with values is said in Korean from its code
// (`designIssues.<code>`), every placeholder filled; English is the loader's own message; a finding without values
// keeps its English in both.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../client/i18n/index.ts';
import { sayIssue } from '../../client/i18n/design-issue.ts';
import { sayStackReason } from '../../client/i18n/stack-reason.ts';
import { resourcesFailed, ROLLBACK_REQUESTED, USER_INITIATED } from '../../shared/template/stack-reasons.ts';
import type { DesignIssue } from '../../shared/design/model.ts';
import { loadDesign, parseManifestText } from '../../shared/template/index.ts';
import { ASSETS } from '../shared/campaign/files.ts';

const ko = (JSON.parse(readFileSync(join(ASSETS, 'i18n', 'ko.json'), 'utf8')) as { designIssues: Record<string, string> }).designIssues;

function issuesOf(manifestPath: string, extra: Record<string, string> = {}): DesignIssue[] {
  const file = join(ASSETS, manifestPath);
  const parsed = parseManifestText(readFileSync(file, 'utf8'));
  return loadDesign(parsed.manifest!, (t) => extra[t] ?? readFileSync(join(dirname(file), t), 'utf8')).issues;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('loader findings in the player language', () => {
  afterAll(() => setLanguage('en'));

  it('says the multi-AZ web tier notes in Korean from their codes and values, and in English as the loader wrote them', () => {
    const notes = issuesOf('designs/alb-asg-multi-az/manifest.yaml').filter((i) => i.code === 'unmodelled-property');
    expect(notes.length).toBeGreaterThan(3);
    for (const note of notes) {
      setLanguage('ko');
      const korean = sayIssue(note);
      expect(korean).toContain('내보낼 때 그대로 유지됩니다');
      expect(korean).toContain(String(note.params!.properties));
      expect(korean).not.toMatch(/not modelled|\{\{/);
      setLanguage('en');
      expect(sayIssue(note)).toBe(note.message);
    }
  });

  it('has, for every Korean sentence, the placeholders the loader gives as values', () => {
    const expected: Record<string, string[]> = {
      'unmodelled-property': ['properties'],
      'unmodelled-type': ['type'],
      'condition-false': ['condition'],
      'unknown-instance-type': ['type'],
      'unknown-db-class': ['dbClass'],
      'transform-not-supported': [],
      'parameter-chosen': ['name', 'type', 'value'],
      'target-in-disabled-zone': ['loadBalancer', 'zone', 'zones'],
      'internet-facing-in-private-subnet_loadBalancer': [],
      'internet-facing-in-private-subnet_instance': [],
    };
    expect(Object.keys(ko).sort()).toEqual(Object.keys(expected).sort());
    for (const [key, names] of Object.entries(expected)) expect(placeholders(ko[key]!), key).toEqual(names);
  });

  it('picks a variant by context and keeps the English of a finding that has no values', () => {
    setLanguage('ko');
    const base = { severity: 'warning', code: 'internet-facing-in-private-subnet', message: 'users are sent to this instance directly, but its subnet is private' } as const;
    expect(sayIssue({ ...base, params: { context: 'instance' } })).toBe(ko['internet-facing-in-private-subnet_instance']);
    expect(sayIssue({ ...base, params: { context: 'loadBalancer' } })).toBe(ko['internet-facing-in-private-subnet_loadBalancer']);
    expect(sayIssue({ code: 'unplaceable', message: 'AWS::EC2::Instance not placed on the board' })).toBe('AWS::EC2::Instance not placed on the board');
    expect(sayIssue({ code: 'no-such-sentence', message: 'as written', params: { x: 1 } })).toBe('as written');
  });
});

describe('stack event reasons in the player language', () => {
  afterAll(() => setLanguage('en'));

  it('says the reasons the game writes in Korean, and leaves English and other reasons as written', () => {
    const failed = `${resourcesFailed('create', 'Web')} ${ROLLBACK_REQUESTED}`;
    setLanguage('ko');
    expect(sayStackReason(USER_INITIATED)).toBe('사용자가 시작함(User Initiated)');
    expect(sayStackReason(failed)).toBe('다음 리소스를 생성하지 못했습니다: [Web]. 사용자가 롤백을 요청했습니다(Rollback requested by user).');
    expect(sayStackReason(resourcesFailed('update', 'Db'))).toBe('다음 리소스를 업데이트하지 못했습니다: [Db].');
    expect(sayStackReason('Resource handler returned message: "x"')).toBe('Resource handler returned message: "x"');
    setLanguage('en');
    expect(sayStackReason(failed)).toBe('The following resource(s) failed to create: [Web]. Rollback requested by user.');
  });
});
