import { describe, expect, it } from 'vitest';
import { proveLevelDocument } from '../../../shared/match/prove-level.ts';
import { LEVEL_LIMITS, levelToYaml, parseLevel, parseLevelText } from '../../../shared/scenario/level.ts';
import { levelFromScenario } from '../../../shared/scenario/level-from-scenario.ts';
import type { Scenario } from '../../../shared/scenario/schema.ts';
import { loadScenarioFile, readAsset } from '../campaign/files.ts';

// Levels (issue 17): the scenario format, self-contained and bounded, proven by the one prover.

/** Campaign level 1 written as a level: its boards inline, out of the campaign. */
function levelOne(): Scenario {
  const level = levelFromScenario(loadScenarioFile('one-web-server.yaml'), readAsset);
  if (!level) throw new Error('one-web-server could not be written as a level');
  return level;
}

describe('a level', () => {
  it('is a campaign scenario with its boards inline: it parses, and names no file', () => {
    const level = levelOne();
    expect(level.campaign).toBeUndefined();
    expect(typeof level.solutions!.reference).toBe('object');
    const parsed = parseLevel(level);
    expect(parsed.ok).toBe(true);
  });

  it('exports to YAML and imports back identically', () => {
    const level = levelOne();
    const text = levelToYaml(level);
    const back = parseLevelText(text);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.level).toEqual(parseLevel(level).ok ? (parseLevel(level) as { level: Scenario }).level : undefined);
    // And the export of the import is the same file.
    if (back.ok) expect(levelToYaml(back.level)).toBe(text);
  });

  it('is proven by the same rules as the campaign: the reference wins, the naive design loses', () => {
    const proven = proveLevelDocument(levelOne());
    expect(proven.ok).toBe(true);
    if (!proven.ok) return;
    expect(proven.proof.publishable).toBe(true);
    expect(proven.proof.naiveWins).toBe(false);
    expect(proven.proof.reference.primaryMet).toBe(true);
    expect(proven.proof.naive.missed).toContain('availability');
    // The figures the CLI's --check prints for this level (README / notes: 3★ reference, 0★ naive).
    expect(proven.proof.reference.stars).toBe(3);
    expect(proven.proof.naive.stars).toBe(0);
  });

  it('refuses to be published when the reference loses, and warns when the naive design wins', () => {
    const level = levelOne();
    const swapped = { ...level, solutions: { reference: level.solutions!.naive, naive: level.solutions!.reference } };
    const proven = proveLevelDocument(swapped);
    expect(proven.ok && proven.proof.publishable).toBe(false);
    const both = { ...level, solutions: { reference: level.solutions!.reference, naive: level.solutions!.reference } };
    const easy = proveLevelDocument(both);
    expect(easy.ok && easy.proof.publishable && easy.proof.naiveWins).toBe(true);
  });

  it('names the field of each problem', () => {
    const level = levelOne() as unknown as Record<string, unknown>;
    const bad = { ...level, durationS: -5, traffic: [{ area: 'mars', baselineRps: 10 }] };
    const parsed = parseLevel(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.code).toBe('level-invalid');
    const paths = parsed.issues.map((i) => i.path);
    expect(paths).toContain('durationS');
    expect(paths).toContain('traffic.0.area');
  });

  it('is bounded: duration, traffic, events, text and size', () => {
    const level = levelOne();
    const cases: [string, unknown, string][] = [
      ['durationS', { ...level, durationS: LEVEL_LIMITS.durationS + 1, events: [] }, 'durationS'],
      ['traffic', { ...level, traffic: [{ area: 'north-america', baselineRps: LEVEL_LIMITS.baselineRps + 1 }] }, 'traffic.0.baselineRps'],
      [
        'events',
        { ...level, events: Array.from({ length: LEVEL_LIMITS.events + 1 }, (_, i) => ({ type: 'announcement', atS: i, params: { message: 'hi' } })) },
        'events',
      ],
      ['title', { ...level, title: 'x'.repeat(LEVEL_LIMITS.titleChars + 1) }, 'title'],
      ['random copies', { ...level, random: [{ count: [1, LEVEL_LIMITS.randomCopies + 1], within: [0, 60], event: { type: 'instance-failure' } }] }, 'random.0.count.1'],
    ];
    for (const [what, doc, path] of cases) {
      const parsed = parseLevel(doc);
      expect(parsed.ok, what).toBe(false);
      if (!parsed.ok) expect(parsed.issues.map((i) => i.path), what).toContain(path);
    }
    const huge = { ...level, hints: ['x'.repeat(LEVEL_LIMITS.templateStringChars + 1)] };
    expect(parseLevel(huge)).toMatchObject({ ok: false, code: 'level-too-large' });
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < LEVEL_LIMITS.depth + 5; i++) at = (at.x = {}) as Record<string, unknown>;
    expect(parseLevel({ ...level, deep })).toMatchObject({ ok: false, code: 'level-too-large' });
  });

  it('is self-contained: a file path for a board is refused', () => {
    const level = levelOne();
    const named = { ...level, solutions: { ...level.solutions!, reference: 'scenarios/solutions/one-web-server/reference/manifest.yaml' } };
    const parsed = parseLevel(named);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.path)).toContain('solutions.reference');
    expect(parseLevel({ ...level, start: { design: 'designs/single-instance/manifest.yaml' } })).toMatchObject({ ok: false });
  });

  it('refuses bad files with a clear error, never throws', () => {
    expect(parseLevelText('title: [unclosed')).toMatchObject({ ok: false, code: 'level-syntax' });
    expect(parseLevelText('just a string')).toMatchObject({ ok: false, code: 'level-invalid' });
    // YAML aliases are bounded (a "billion laughs" file).
    const alias = (i: number) => String.fromCharCode(97 + i);
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${alias(i + 1)}: &${alias(i + 1)} [${Array(9).fill(`*${alias(i)}`).join(', ')}]`)].join('\n');
    expect(parseLevelText(laughs)).toMatchObject({ ok: false, code: 'level-syntax' });
  });

  it('a design that does not load is placed on its field', () => {
    const level = levelOne();
    const broken = structuredClone(level);
    const reference = broken.solutions!.reference as { stacks: { template: Record<string, unknown> }[] };
    reference.stacks[0]!.template = { Resources: { Web: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: { Ref: 'Nowhere' } } } } };
    const proven = proveLevelDocument(broken);
    expect(proven).toMatchObject({ ok: false, code: 'design-invalid' });
    if (!proven.ok) expect(proven.issues[0]!.path).toBe('solutions.reference');
  });
});
