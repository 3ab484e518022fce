// A level: a scenario a teacher writes in the editor and publishes (issue 17). It is the scenario format itself
// (the same file as assets/scenarios/, the same JSON Schema), with two differences that make it safe to take from
// anyone and to prove anywhere:
// - it is self-contained: its starting board and its reference and naive designs are written inline, so it names
//   no file, and the browser's worker and the server prove it from the document alone;
// - it is bounded: its size, its duration, its traffic and every list in it have limits, so a hostile or careless
//   level cannot stall the server or a browser that runs it.
// Everything here is pure; the server stores levels, the editor writes them, and both read them through here.

import { stringify as toYaml, parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema.ts';

/** How big a level may be. Each limit is far above what a lesson needs and low enough to run in a moment. */
export const LEVEL_LIMITS = {
  /** The whole document as JSON text, in characters. */
  documentChars: 512_000,
  /** One day: a 1 s step simulation of a day runs in a few seconds. */
  durationS: 86_400,
  /** Requests per second of one area's users (the campaign uses up to 400). */
  baselineRps: 100_000,
  /** Any multiplier (traffic spikes, price changes, daily curves). */
  multiplier: 100,
  budgetUsd: 1_000_000,
  latencyObjectiveMs: 60_000,
  events: 100,
  randomEvents: 20,
  /** Most copies one random event may draw. */
  randomCopies: 20,
  objectives: 12,
  hints: 12,
  liveHints: 20,
  /** Stacks of one design (the starting board, the reference, the naive one). */
  stacks: 10,
  /** A title. */
  titleChars: 120,
  /** Any other sentence (teaching goal, hints, announcements, descriptions). */
  textChars: 2_000,
  /** Any string inside a template (UserData is the longest a real template has). */
  templateStringChars: 64_000,
  /** How deep a document may nest (templates included). */
  depth: 40,
} as const;

/** A problem in a level, placed on the field it concerns (`traffic.0.baselineRps`), for the editor to show there. */
export interface LevelIssue {
  /** Dot-separated path from the document's top; '' for the document as a whole. */
  path: string;
  /** In English (the API's and the CLI's words). */
  message: string;
  /** For a level's own limits: which sentence it is and its figures, for the editor to say it in the player's language. */
  say?: LevelSay;
}

/** A limit's sentence by key (the editor's `levelEditor.limits.<key>`), with its figures. */
export interface LevelSay {
  key: 'tooMany' | 'atMost' | 'textAtMost' | 'tooLarge' | 'tooDeep' | 'stringTooLong' | 'inlineOnly' | 'needsSolutions' | 'noOrigin';
  values?: Record<string, string | number>;
}

export const LEVEL_ERRORS = {
  'level-syntax': 'The level is not valid YAML or JSON.',
  'level-too-large': 'The level is larger than a level may be.',
  'level-invalid': 'The level has fields that are not valid.',
} as const;
export type LevelErrorCode = keyof typeof LEVEL_ERRORS;

export type LevelResult = { ok: true; level: Scenario } | { ok: false; code: LevelErrorCode; message: string; issues: LevelIssue[] };

type Ctx = z.RefinementCtx;

function problem(ctx: Ctx, path: (string | number)[], message: string, say: LevelSay): void {
  ctx.addIssue({ code: 'custom', path, message, params: { say } });
}

/** `what` is the list's name in the sentence; `whatKey` names it for the editor's translation. */
function tooMany(ctx: Ctx, path: (string | number)[], count: number, limit: number, what: string): void {
  if (count > limit) problem(ctx, path, `at most ${limit} ${what} (this level has ${count})`, { key: 'tooMany', values: { limit, count, what } });
}

function atMost(ctx: Ctx, path: (string | number)[], value: number | undefined, limit: number, what: string): void {
  if (value !== undefined && value > limit) problem(ctx, path, `${what} is at most ${limit}`, { key: 'atMost', values: { limit, what } });
}

function textAtMost(ctx: Ctx, path: (string | number)[], text: string | undefined, limit: number = LEVEL_LIMITS.textChars): void {
  if (text !== undefined && text.length > limit) problem(ctx, path, `at most ${limit} characters (this has ${text.length})`, { key: 'textAtMost', values: { limit, count: text.length } });
}

/** The limits that need the parsed scenario (the generic ones, size and depth, are checked on the raw document). */
function checkLimits(s: Scenario, ctx: Ctx): void {
  const L = LEVEL_LIMITS;
  atMost(ctx, ['durationS'], s.durationS, L.durationS, 'the duration in seconds');
  atMost(ctx, ['budgetUsd'], s.budgetUsd, L.budgetUsd, 'the budget in USD');
  atMost(ctx, ['latencyObjectiveMs'], s.latencyObjectiveMs, L.latencyObjectiveMs, 'the latency objective in ms');
  textAtMost(ctx, ['title'], s.title, L.titleChars);
  textAtMost(ctx, ['teachingGoal'], s.teachingGoal);
  textAtMost(ctx, ['ko', 'title'], s.ko?.title, L.titleChars);
  textAtMost(ctx, ['ko', 'teachingGoal'], s.ko?.teachingGoal);
  s.traffic.forEach((t, i) => {
    atMost(ctx, ['traffic', i, 'baselineRps'], t.baselineRps, L.baselineRps, 'requests per second');
    t.dailyCurve?.forEach((m, h) => atMost(ctx, ['traffic', i, 'dailyCurve', h], m, L.multiplier, 'a multiplier'));
  });
  tooMany(ctx, ['events'], s.events.length, L.events, 'events');
  s.events.forEach((e, i) => {
    const params = e.params as Record<string, unknown>;
    if (typeof params.multiplier === 'number') atMost(ctx, ['events', i, 'params', 'multiplier'], params.multiplier, L.multiplier, 'a multiplier');
    if (typeof params.message === 'string') textAtMost(ctx, ['events', i, 'params', 'message'], params.message);
    if (typeof params.messageKo === 'string') textAtMost(ctx, ['events', i, 'params', 'messageKo'], params.messageKo);
    if ('durationS' in e && e.durationS !== undefined) atMost(ctx, ['events', i, 'durationS'], e.durationS, L.durationS, 'an event’s duration in seconds');
    textAtMost(ctx, ['events', i, 'announce', 'message'], e.announce?.message);
    textAtMost(ctx, ['events', i, 'announce', 'messageKo'], e.announce?.messageKo);
  });
  tooMany(ctx, ['random'], s.random.length, L.randomEvents, 'random events');
  s.random.forEach((r, i) => atMost(ctx, ['random', i, 'count', 1], r.count[1], L.randomCopies, 'the most copies of a random event'));
  tooMany(ctx, ['objectives'], s.objectives.length, L.objectives, 'objectives');
  s.objectives.forEach((o, i) => {
    textAtMost(ctx, ['objectives', i, 'description'], o.description);
    textAtMost(ctx, ['objectives', i, 'descriptionKo'], o.descriptionKo);
  });
  tooMany(ctx, ['hints'], s.hints.length, L.hints, 'hints');
  s.hints.forEach((h, i) => textAtMost(ctx, ['hints', i], h));
  tooMany(ctx, ['ko', 'hints'], s.ko?.hints?.length ?? 0, L.hints, 'hints');
  s.ko?.hints?.forEach((h, i) => textAtMost(ctx, ['ko', 'hints', i], h));
  tooMany(ctx, ['liveHints'], s.liveHints.length, L.liveHints, 'live hints');
  s.liveHints.forEach((h, i) => {
    textAtMost(ctx, ['liveHints', i, 'text', 'en'], h.text.en);
    textAtMost(ctx, ['liveHints', i, 'text', 'ko'], h.text.ko);
  });
  // Self-contained: every board the level needs is inside it.
  if ('design' in s.start) problem(ctx, ['start'], 'a level writes its starting board inline (stacks) or starts empty (regions); it cannot name a file', { key: 'inlineOnly' });
  if (!s.solutions) problem(ctx, ['solutions'], 'a level needs a reference design and a naive one, to prove it can be won and lost', { key: 'needsSolutions' });
  else
    for (const which of ['reference', 'naive'] as const) {
      if (typeof s.solutions[which] === 'string') problem(ctx, ['solutions', which], 'a level writes its designs inline (stacks); it cannot name a file', { key: 'inlineOnly' });
    }
  for (const [path, design] of [
    [['start'], 'stacks' in s.start ? s.start : undefined],
    [['solutions', 'reference'], typeof s.solutions?.reference === 'object' ? s.solutions.reference : undefined],
    [['solutions', 'naive'], typeof s.solutions?.naive === 'object' ? s.solutions.naive : undefined],
  ] as const) {
    if (design) tooMany(ctx, [...path, 'stacks'], design.stacks.length, L.stacks, 'stacks');
  }
  if (s.level) problem(ctx, ['level'], 'the server sets which level and version a match plays; a level file does not carry it', { key: 'noOrigin' });
}

/** The scenario format with a level's limits: what the editor checks field by field and the server checks again. */
export const levelSchema = scenarioSchema.superRefine(checkLimits);

/** The raw document's size and depth, and each string's length, before anything is parsed from it. */
function rawProblem(raw: unknown): LevelIssue | undefined {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? '';
  } catch {
    return { path: '', message: 'the level is not plain data' };
  }
  if (text.length > LEVEL_LIMITS.documentChars)
    return { path: '', message: `a level is at most ${LEVEL_LIMITS.documentChars} characters (this one has ${text.length})`, say: { key: 'tooLarge', values: { limit: LEVEL_LIMITS.documentChars, count: text.length } } };
  const walk = (value: unknown, path: string[], depth: number): LevelIssue | undefined => {
    if (depth > LEVEL_LIMITS.depth) return { path: path.join('.'), message: `nested more than ${LEVEL_LIMITS.depth} levels deep`, say: { key: 'tooDeep', values: { limit: LEVEL_LIMITS.depth } } };
    if (typeof value === 'string' && value.length > LEVEL_LIMITS.templateStringChars)
      return { path: path.join('.'), message: `a string of at most ${LEVEL_LIMITS.templateStringChars} characters`, say: { key: 'stringTooLong', values: { limit: LEVEL_LIMITS.templateStringChars } } };
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) {
        const found = walk(item, [...path, String(i)], depth + 1);
        if (found) return found;
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const found = walk(item, [...path, key], depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(raw, [], 0);
}

/** Every problem of a parsed document, each on its field (the first 50). */
function issuesOf(error: z.ZodError): LevelIssue[] {
  return error.issues.slice(0, 50).map((i) => {
    const say = i.code === 'custom' ? (i.params?.say as LevelSay | undefined) : undefined;
    return { path: i.path.map(String).join('.'), message: i.message, ...(say ? { say } : {}) };
  });
}

/** Checks a level given as data (JSON from the editor or the API). Never throws. */
export function parseLevel(raw: unknown): LevelResult {
  const big = rawProblem(raw);
  if (big) return { ok: false, code: 'level-too-large', message: `${LEVEL_ERRORS['level-too-large']} ${big.path ? `${big.path}: ` : ''}${big.message}`, issues: [big] };
  const checked = levelSchema.safeParse(raw);
  if (!checked.success) {
    const issues = issuesOf(checked.error);
    const first = issues.slice(0, 3).map((i) => `${i.path || '(level)'}: ${i.message}`).join('; ');
    return { ok: false, code: 'level-invalid', message: `${LEVEL_ERRORS['level-invalid']} ${first}`, issues };
  }
  return { ok: true, level: checked.data };
}

/** Checks a level file (YAML; JSON is YAML too), as the editor's import and the server's read it. Never throws. */
export function parseLevelText(text: string): LevelResult {
  if (text.length > LEVEL_LIMITS.documentChars * 2) {
    const issue = { path: '', message: `a level file is at most ${LEVEL_LIMITS.documentChars * 2} characters` };
    return { ok: false, code: 'level-too-large', message: `${LEVEL_ERRORS['level-too-large']} ${issue.message}`, issues: [issue] };
  }
  let raw: unknown;
  try {
    // maxAliasCount bounds YAML's alias expansion (a "billion laughs" file would otherwise grow without end).
    raw = parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    const issue = { path: '', message: (error as Error).message.split('\n')[0] ?? 'not YAML' };
    return { ok: false, code: 'level-syntax', message: `${LEVEL_ERRORS['level-syntax']} ${issue.message}`, issues: [issue] };
  }
  return parseLevel(raw);
}

/** The first line of an exported level: what the file is and which JSON Schema it follows. */
export const LEVEL_FILE_HEADER = '# A Five Nines level: the scenario format of assets/scenarios/, checked by assets/schema/scenario.schema.json';

/**
 * A level as a file: YAML in the format of assets/scenarios/, which parseLevelText reads back to the same level.
 * The level is written as parsed (its defaults filled in), so a file exported and imported again is identical.
 */
export function levelToYaml(level: Scenario): string {
  const { level: _origin, ...document } = level;
  return `${LEVEL_FILE_HEADER}\n${toYaml(document, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
