// Every timeline entry the simulation can write is said in English and in Korean from the real translation
// files, with nothing missing, no placeholder left over, and no English words around the values in Korean.
// Two sources of entries: the shared code list (each code with values made from its own placeholders), and
// every entry of every shipped scenario's reference and naive runs.

import { afterAll, describe, expect, it } from 'vitest';
import { hasText, setLanguage, t } from '../../client/i18n/index.ts';
import { sayEntry, valuesToSay } from '../../client/i18n/timeline-entry.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario, type RunResult } from '../../shared/sim/index.ts';
import { englishTemplate, TIMELINE_CODES, TIMELINE_TEXT, timelineSentence, type TimelineCode, type TimelineValues } from '../../shared/sim/timeline-text.ts';
import { allScenarios, ASSETS, loadAssetDesign } from '../shared/campaign/files.ts';
import { AWS_TERM_SET } from '../support/aws-terms.ts';

const translations = (language: string) => JSON.parse(readFileSync(join(ASSETS, 'i18n', `${language}.json`), 'utf8')) as { timeline: Record<string, unknown> };

/** Latin words a Korean sentence may keep around its values (ids, labels, zones and numbers are values, taken out first). */
const LATIN_ALLOWED = AWS_TERM_SET;

const koEntries = translations('ko').timeline.entry as Record<string, string>;

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

/** Values for a code made from its English placeholders: words where the client translates, ids elsewhere. */
function sampleValues(code: TimelineCode, count: number): TimelineValues {
  const values: Record<string, string | number | string[]> = {};
  for (const name of placeholders(englishTemplate(code, { count }))) {
    if (name === 'count') values[name] = count;
    else if (name === 'area') values[name] = 'europe';
    else if (name === 'areas') values[name] = ['asia', 'north-america'];
    else if (name === 'service') values[name] = 'balancing';
    else if (name === 'message') Object.assign(values, { message: 'The sale starts soon', messageKo: '곧 세일이 시작됩니다' });
    else if (name === 'title') Object.assign(values, { title: 'Two zones', titleKo: '두 개의 영역' });
    else if (name === 'zones') values[name] = ['us-east-1a', 'us-east-1c'];
    else if (name === 'payment') values[name] = 'PARTIAL_UPFRONT';
    else if (name === 'term') values[name] = '3y';
    else values[name] = `app/${name}-7`;
  }
  return values;
}

/** Checks one entry said in the current language; returns the sentence. */
function said(entry: { code: string; values: TimelineValues }, where: string): string {
  expect(hasText(`timeline.entry.${entry.code}`, typeof entry.values.count === 'number' ? { count: entry.values.count } : undefined), `${where}: timeline.entry.${entry.code}`).toBe(true);
  const text = sayEntry(entry);
  expect(text, where).not.toBe(`timeline.entry.${entry.code}`);
  expect(text, where).not.toMatch(/\{\{|\}\}/);
  expect(text.trim(), where).not.toBe('');
  return text;
}

/** The Latin words of a Korean sentence once its values are taken out. */
function latinAroundValues(text: string, values: TimelineValues): string[] {
  let rest = text;
  const shown = Object.values(valuesToSay(values)).map(String).sort((a, b) => b.length - a.length);
  for (const v of shown) if (v) rest = rest.split(v).join(' ');
  return (rest.match(/[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z]/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w));
}

function checkBothLanguages(entry: { code: string; values: TimelineValues }, where: string): void {
  setLanguage('en');
  said(entry, where);
  setLanguage('ko');
  const korean = said(entry, where);
  expect(latinAroundValues(korean, entry.values), `${where}: ${korean}`).toEqual([]);
  expect(korean, where).toMatch(/[가-힣]|^[^A-Za-z]*$/);
}

describe('the timeline in the player language', () => {
  afterAll(() => setLanguage('en'));

  it('has a Korean sentence for exactly the codes the simulation knows, with the same placeholders as the English', () => {
    expect(Object.keys(koEntries).sort()).toEqual([...TIMELINE_CODES].sort());
    for (const code of TIMELINE_CODES) {
      const english = TIMELINE_TEXT[code].en;
      const forms = typeof english === 'string' ? [english] : [english.one, english.other];
      for (const form of forms) expect(placeholders(koEntries[code]!), code).toEqual(placeholders(form));
    }
    // English lives once, in shared: the translation file does not repeat it.
    expect(translations('en').timeline.entry).toBeUndefined();
  });

  it('says every code of the shared list in English and in Korean', () => {
    expect(TIMELINE_CODES.length).toBeGreaterThan(90);
    for (const code of TIMELINE_CODES) {
      for (const count of [1, 3]) checkBothLanguages({ code, values: sampleValues(code, count) }, `${code} (count ${count})`);
    }
  });

  it('says in English what the CLI and CloudTrail say, from the same table (values as the simulation wrote them)', () => {
    setLanguage('en');
    for (const code of TIMELINE_CODES) {
      for (const count of [1, 2]) {
        const values = sampleValues(code, count);
        const raw = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
        expect(t(`timeline.entry.${code}`, raw), code).toBe(timelineSentence({ code, values }));
      }
    }
  });

  it('puts words of the player language in place of area, service and scenario values', () => {
    setLanguage('ko');
    expect(sayEntry({ code: 'flood', values: { area: 'europe' } })).toBe('유럽에서 폭주 요청 시작');
    expect(sayEntry({ code: 'trafficSpikeFrom', values: { multiplier: 3, areas: ['asia', 'europe'] } })).toBe('트래픽 급증: 아시아, 유럽에서 ×3');
    expect(sayEntry({ code: 'announcement', values: { message: 'Sale at noon', messageKo: '정오에 세일' } })).toBe('정오에 세일');
    expect(sayEntry({ code: 'usersEnter', values: { title: 'One web server', titleKo: '웹 서버 하나', entry: 'solo/WebServer' } })).toBe('웹 서버 하나: 사용자는 solo/WebServer(으)로 들어옵니다');
    expect(sayEntry({ code: 'instancesLaunched', values: { group: 'main/Web', count: 2, zones: ['us-east-1a', 'us-east-1c'] } })).toBe('main/Web: us-east-1a, us-east-1c에 인스턴스 2대 시작');
    // A purchase's payment option in Korean, AWS's API value after it; its term in Korean.
    const bought = { code: 'reservedInstancesPurchased', values: { count: 2, instanceType: 't3.micro', region: 'us-east-1', term: '1y', payment: 'ALL_UPFRONT', discountPct: 40 } };
    expect(sayEntry(bought)).toBe('예약 인스턴스 구매: us-east-1의 t3.micro 2개, 기간 1년, 전체 선결제(ALL_UPFRONT), 온디맨드보다 40% 저렴');
    setLanguage('en');
    expect(sayEntry({ code: 'instancesLaunched', values: { group: 'main/Web', count: 1, zones: ['us-east-1a'] } })).toBe('main/Web: launching 1 instance in us-east-1a');
    expect(sayEntry({ code: 'announcement', values: { message: 'Sale at noon', messageKo: '정오에 세일' } })).toBe('Sale at noon');
    expect(sayEntry(bought)).toBe('Reserved Instances bought: 2 × t3.micro in us-east-1 for 1y, ALL_UPFRONT (40% off On-Demand)');
  });

  it('catches a Korean sentence that keeps English words around its values', () => {
    expect(latinAroundValues('alarm app/Cpu 경보', { alarm: 'app/Cpu' })).toEqual(['alarm']);
    expect(latinAroundValues('Route 53 상태 확인 app/Check 정상', { check: 'app/Check' })).toEqual([]);
  });

  describe('every entry of every shipped scenario, reference and naive', () => {
    for (const scenario of allScenarios()) {
      it(scenario.id, () => {
        const seen = new Set<string>();
        let first: RunResult['timeline'][number] | undefined;
        for (const which of ['reference', 'naive'] as const) {
          const run = runScenario(loadAssetDesign(scenario.solutions![which]), scenario, { seed: 1 });
          expect(run.timeline.length).toBeGreaterThan(0);
          first ??= run.timeline[0];
          for (const entry of run.timeline) {
            // One wording per entry: the same values give the same sentence each time, so each is checked once.
            const key = `${entry.code}|${JSON.stringify(entry.values)}`;
            if (seen.has(key)) continue;
            seen.add(key);
            checkBothLanguages(entry, `${scenario.id} ${which} at ${entry.tS} s: ${entry.message}`);
          }
        }
        // The first line names the scenario in Korean, not in English.
        setLanguage('ko');
        expect(first?.code).toMatch(/^usersEnter/);
        if (scenario.ko?.title) expect(sayEntry(first!)).toContain(scenario.ko.title);
        expect(sayEntry(first!)).not.toContain(scenario.title);
      });
    }
  });
});
