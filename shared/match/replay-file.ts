// A replay as it leaves the server: one team's row (what server/competitions/records.ts stores and a finished
// room hands out), or a competition's replay.json with a row per team. A file comes from outside — a teacher's
// download, possibly edited or cut short — so it is checked here, at the edge, before any rule runs on it:
// a bad one is refused with a stable code and a sentence, never half-played and never thrown.
import { z } from 'zod';
import { checkDesignShape } from '../design/schema.ts';
import { scenarioSchema } from '../scenario/schema.ts';
import { STEP_SECONDS } from '../sim/constants.ts';
import { hashWorld } from '../sim/hash.ts';
import { standingOf } from '../sim/standing.ts';
import { trailEventSchema, type TrailEvent } from '../trail/event.ts';
import { MATCH_MODES, type Match, type MatchSetup } from './match.ts';
import { openReplay, type ReplayCursor, type ReplayOptions } from './replay-cursor.ts';
import { replayInputs } from './replay.ts';

export const REPLAY_FILE_ERRORS = {
  'not-json': 'That file is not JSON: a replay file is the replay.json a competition exports.',
  'not-a-replay': 'That file does not have the shape of a replay.',
  'no-replays': 'That file holds no replay.',
  'bad-scenario': 'The scenario inside that replay is not valid.',
  'bad-design': 'The starting board inside that replay is not valid.',
  'replay-failed': 'That replay could not be played: its log does not fit its match.',
} as const;

export type ReplayFileErrorCode = keyof typeof REPLAY_FILE_ERRORS;

export interface ReplayFileError {
  code: ReplayFileErrorCode;
  message: string;
  /** Where in the file the problem is, when there is a place to name. */
  detail?: string;
}

/** Logs longer than this are not a match anyone played: refused before any work is done on them. */
export const MAX_REPLAY_INPUTS = 200_000;

/** Who acted, as a log's userIdentity carries it (the rules read these fields when the input is applied again). */
const actorSchema = z.object({
  nickname: z.string(),
  identity: z.union([z.object({ kind: z.literal('root') }), z.object({ kind: z.literal('user'), name: z.string() })]),
  session: z.record(z.string(), z.unknown()).optional(),
  team: z.string().nullable(),
  host: z.boolean(),
  mfa: z.boolean(),
});

const inputSchema = trailEventSchema.extend({ userIdentity: actorSchema.loose().optional() });

const setupSchema = z.object({
  mode: z.enum(MATCH_MODES),
  scenario: z.record(z.string(), z.unknown()),
  seed: z.number().int(),
  design: z.record(z.string(), z.unknown()),
  teams: z.array(z.object({ id: z.string(), name: z.string() })).min(1).max(200),
});

const rowSchema = z.object({
  id: z.number().optional(),
  matchId: z.string(),
  teamIndex: z.number().int().min(0),
  seed: z.number().int(),
  scenarioId: z.string(),
  initialDesign: z.unknown().optional(),
  intentLog: z.object({
    origin: setupSchema,
    inputs: z.array(inputSchema).max(MAX_REPLAY_INPUTS),
    finalStep: z.number().int().min(0),
    inputCount: z.number().int().min(0),
  }),
  finalStateHash: z.string().regex(/^[0-9a-f]{16}$/),
  recordedScore: z.number(),
  recordedAt: z.union([z.string(), z.number()]).optional(),
});

/** A whole match's replay with the log once and each team's recorded end: what a finished room hands out. */
const matchReplaySchema = z.object({
  matchId: z.string(),
  seed: z.number().int(),
  scenarioId: z.string(),
  intentLog: z.unknown(),
  teams: z.array(z.object({ teamIndex: z.number().int().min(0), finalStateHash: z.unknown(), recordedScore: z.unknown() })),
});

const fileSchema = z.union([
  z.object({ competition: z.record(z.string(), z.unknown()).optional(), replays: z.array(z.unknown()) }),
  z.array(z.unknown()),
  matchReplaySchema,
  rowSchema,
]);

/** One team's replay: how the match began, its inputs, how far it went, and what it must end as. */
export interface ReplayRecord {
  matchId: string;
  teamIndex: number;
  seed: number;
  scenarioId: string;
  intentLog: { origin: MatchSetup; inputs: TrailEvent[]; finalStep: number; inputCount: number };
  finalStateHash: string;
  recordedScore: number;
}

export interface ReplayFile {
  /** The rows, by team index. */
  replays: ReplayRecord[];
  /** The competition's name, when the file is a competition's export. */
  title?: string;
}

export type ParsedReplayFile = { ok: true; file: ReplayFile } | { ok: false; error: ReplayFileError };

function fail(code: ReplayFileErrorCode, detail?: string): { ok: false; error: ReplayFileError } {
  return { ok: false, error: detail === undefined ? { code, message: REPLAY_FILE_ERRORS[code] } : { code, message: REPLAY_FILE_ERRORS[code], detail } };
}

const where = (issue: { path: PropertyKey[] } | undefined, prefix = ''): string => `${prefix}${issue?.path.map(String).join('.') ?? ''}` || 'the top level';

function parseRow(raw: unknown, index: number): { ok: true; row: ReplayRecord } | { ok: false; error: ReplayFileError } {
  const parsed = rowSchema.safeParse(raw);
  const prefix = index >= 0 ? `replays.${index}.` : '';
  if (!parsed.success) return fail('not-a-replay', where(parsed.error.issues[0], prefix));
  const row = parsed.data;
  const origin = row.intentLog.origin;
  const scenario = scenarioSchema.safeParse(origin.scenario);
  if (!scenario.success) return fail('bad-scenario', where(scenario.error.issues[0], `${prefix}intentLog.origin.scenario.`));
  const design = checkDesignShape(origin.design);
  if (!design.ok) return fail('bad-design', design.message);
  if (row.teamIndex >= origin.teams.length) return fail('not-a-replay', `${prefix}teamIndex`);
  if (row.intentLog.finalStep > Math.ceil(scenario.data.durationS / STEP_SECONDS)) return fail('not-a-replay', `${prefix}intentLog.finalStep`);
  // The scenario and design are used as recorded (checked above, not rewritten by the check's defaults): a
  // replay must start from exactly what the match started from.
  return { ok: true, row: { ...row, intentLog: { ...row.intentLog, origin: origin as unknown as MatchSetup, inputs: row.intentLog.inputs as TrailEvent[] } } };
}

/** Reads a replay file: JSON text or a parsed value; one row, a list of rows, or `{ replays: [...] }`. */
export function parseReplayFile(input: unknown): ParsedReplayFile {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch {
      return fail('not-json');
    }
  }
  const shaped = fileSchema.safeParse(raw);
  if (!shaped.success) return fail('not-a-replay', where(shaped.error.issues[0]));
  const value = shaped.data;
  const list = Array.isArray(value) ? value : 'replays' in value ? value.replays : 'teams' in value ? replayRows(value as MatchReplay) : [value];
  const single = !Array.isArray(value) && !('replays' in value) && !('teams' in value);
  if (list.length === 0) return fail('no-replays');
  const replays: ReplayRecord[] = [];
  for (const [index, item] of list.entries()) {
    const row = parseRow(item, single ? -1 : index);
    if (!row.ok) return row;
    replays.push(row.row);
  }
  replays.sort((a, b) => a.teamIndex - b.teamIndex);
  const competition = !Array.isArray(value) && 'replays' in value ? value.competition : undefined;
  const title = typeof competition?.name === 'string' ? competition.name : undefined;
  return { ok: true, file: { replays, ...(title ? { title } : {}) } };
}

/** Whether two rows replay the same match (a competition's rows share one log): one cursor serves both. */
export function sameMatch(a: ReplayRecord, b: ReplayRecord): boolean {
  return (
    a.matchId === b.matchId &&
    a.seed === b.seed &&
    a.intentLog.finalStep === b.intentLog.finalStep &&
    a.intentLog.inputs.length === b.intentLog.inputs.length &&
    a.intentLog.inputs.every((e, i) => e.seq === b.intentLog.inputs[i]!.seq && e.simS === b.intentLog.inputs[i]!.simS)
  );
}

/** Opens a parsed row for playing; a log that does not fit its match is refused, not thrown. */
export function openReplayRecord(row: ReplayRecord, options?: ReplayOptions): { ok: true; cursor: ReplayCursor } | { ok: false; error: ReplayFileError } {
  try {
    return { ok: true, cursor: openReplay(row.intentLog.origin, row.intentLog.inputs, row.intentLog.finalStep, options) };
  } catch (error) {
    return fail('replay-failed', error instanceof Error ? error.message : String(error));
  }
}

/** A whole match's replay: its log once, and the recorded end of each of the teams it is for. */
export interface MatchReplay {
  matchId: string;
  seed: number;
  scenarioId: string;
  intentLog: ReplayRecord['intentLog'];
  teams: { teamIndex: number; finalStateHash: string; recordedScore: number }[];
}

/**
 * A match's replay as it stands, for the teams named by index (a finished room hands this out; records.ts
 * stores the same per team). The log is the whole match's, every team's inputs: one run replays them all.
 */
export function matchReplayOf(match: Match, matchId: string, teamIndexes: readonly number[]): MatchReplay {
  const inputs = match.trail.filter((e) => e.userIdentity);
  return {
    matchId,
    seed: match.seed,
    scenarioId: match.scenario.id,
    intentLog: { origin: match.origin, inputs, finalStep: match.clock.step, inputCount: replayInputs(inputs).length },
    teams: teamIndexes.map((teamIndex) => ({ teamIndex, finalStateHash: hashWorld(match.teams[teamIndex]!.world), recordedScore: standingOf(match.teams[teamIndex]!.world).score })),
  };
}

/** A match's replay as rows, one per team, sharing its log. */
export function replayRows(replay: MatchReplay): ReplayRecord[] {
  return replay.teams.map((t) => ({ matchId: replay.matchId, seed: replay.seed, scenarioId: replay.scenarioId, intentLog: replay.intentLog, ...t }));
}

/** One team's replay row of a match as it stands. */
export function replayRecordOf(match: Match, matchId: string, teamIndex: number): ReplayRecord {
  return replayRows(matchReplayOf(match, matchId, [teamIndex]))[0]!;
}
