// The level editor says a level's problems in the player's language: the level's limits by their key and figures,
// the scenario format's own sentences by their words (zod's generic messages by zod's locale, set by the editor).
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../client/i18n/index.ts';
import { sayIssue } from '../../client/ui/level-editor/fields.ts';
import { LEVEL_LIMITS, parseLevel } from '../../shared/scenario/level.ts';
import { levelFromScenario } from '../../shared/scenario/level-from-scenario.ts';
import { loadScenarioFile, readAsset } from '../shared/campaign/files.ts';

const level = levelFromScenario(loadScenarioFile('one-web-server.yaml'), readAsset)!;
const HANGUL = /[\uac00-\ud7a3]/;

/** The problems of a document, each as the editor would show it in `lang`. */
function said(document: unknown, lang: 'en' | 'ko') {
  const parsed = parseLevel(document);
  if (parsed.ok) throw new Error('expected problems');
  setLanguage(lang);
  return parsed.issues.map((i) => ({ path: i.path, english: i.message, shown: sayIssue(i).message }));
}

describe("a level's problems in the player's language", () => {
  afterAll(() => setLanguage('en'));

  const bad: [string, unknown][] = [
    ['too many events', { ...level, events: Array.from({ length: LEVEL_LIMITS.events + 1 }, (_, i) => ({ type: 'announcement', atS: i, params: { message: 'hi' } })) }],
    ['too much traffic', { ...level, traffic: [{ area: 'north-america', baselineRps: LEVEL_LIMITS.baselineRps + 1 }] }],
    ['a long title', { ...level, title: 'x'.repeat(LEVEL_LIMITS.titleChars + 1) }],
    ['a board named by file', { ...level, start: { design: 'designs/single-instance/manifest.yaml' } }],
    ['a mix that does not add up', { ...level, mix: { static: 0.5, read: 0.1, write: 0.1 } }],
    ['an event after the end', { ...level, events: [{ type: 'announcement', atS: level.durationS + 10, params: { message: 'late' } }] }],
    ['stars that decrease', { ...level, stars: [900, 600, 300] }],
    ['the same area twice', { ...level, traffic: [level.traffic[0], level.traffic[0]] }],
    ['an unknown zone', { ...level, events: [{ type: 'az-outage', atS: 60, params: { zone: 'mars-1a' } }] }],
  ];

  for (const [what, document] of bad) {
    it(`says ${what} in Korean, and in English as the API does`, () => {
      const ko = said(document, 'ko');
      expect(ko.length, what).toBeGreaterThan(0);
      for (const issue of ko) expect(issue.shown, `${what}: ${issue.english}`).toMatch(HANGUL);
      const en = said(document, 'en');
      for (const issue of en) expect(issue.shown.toLowerCase().replace(/[^a-z0-9]/g, ''), what).toContain(issue.english.toLowerCase().replace(/[^a-z0-9]/g, '').slice(0, 12));
    });
  }

  it('puts the figures into the sentence', () => {
    const [issue] = said({ ...level, traffic: [{ area: 'north-america', baselineRps: LEVEL_LIMITS.baselineRps + 1 }] }, 'ko');
    expect(issue!.shown).toContain(String(LEVEL_LIMITS.baselineRps));
    expect(issue!.shown).toContain('초당 요청 수');
  });
});
