// Published levels over HTTP (issue 17): what the level editor sends and what the server answers. The server's
// routes (server/http/level-routes.ts) and the client (client/net/levels.ts) both read these shapes from here.
//
//   POST   /api/levels                      { level }            → 201 PublishedLevel (with the author token, once)
//   PUT    /api/levels/:code                { level }  + Bearer  → 200 PublishedLevel (a new version; old ones stay)
//   DELETE /api/levels/:code                           + Bearer  → 204 (the level can no longer be played or read)
//   GET    /api/levels/:code[?version=N]                         → 200 LevelRecord (the latest version by default)
//   GET    /api/levels/:code/level.yaml[?version=N]              → 200 the level as a YAML file (levelToYaml)
//   GET    /api/scenarios/:id/level                              → 200 { level }: a campaign scenario written as a
//                                                                  self-contained level, to start a new one from
//
// The author token works as a competition's host token: made by the server, handed back once, only its hash kept,
// sent as `Authorization: Bearer <token>` to change or delete the level. Errors are { code, message, issues? }.
import { z } from 'zod';
import type { LevelProof } from '../match/prove-level.ts';
import type { LevelIssue } from '../scenario/level.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ScenarioSummary } from '../scenario/summary.ts';

/** A level's short code: six letters and digits, without the ones people misread (0/O, 1/I/L). */
export const LEVEL_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const LEVEL_CODE_LENGTH = 6;
export const levelCodeSchema = z.string().regex(new RegExp(`^[${LEVEL_CODE_ALPHABET}]{${LEVEL_CODE_LENGTH}}$`), { message: 'a level code is six letters and digits' });

/** Which level a room or a competition plays: a code, and a version (omitted: the latest). */
export const levelChoiceSchema = z.strictObject({
  code: levelCodeSchema,
  version: z.number().int().positive().max(100_000).optional(),
});
export type LevelChoice = z.infer<typeof levelChoiceSchema>;

/** The body of POST and PUT: the level document, checked by shared/scenario/level.ts (not here). */
export const publishLevelBodySchema = z.strictObject({ level: z.unknown() });

/** What publishing (or a new version) answers. */
export interface PublishedLevel {
  code: string;
  version: number;
  /** Only in the answer to POST: keep it to change or delete the level later. */
  authorToken?: string;
  /** The link that opens the level for players (`/?level=CODE`). */
  link: string;
  /** The server's own proof of this version. */
  proof: LevelProof;
}

/** One version of a published level, as GET answers. */
export interface LevelRecord {
  code: string;
  version: number;
  latestVersion: number;
  /** Every version still stored, oldest first. */
  versions: number[];
  /** The level document as published (no origin: the server adds that to the match it makes). */
  level: Scenario;
  summary: ScenarioSummary;
  proof: LevelProof;
  publishedAt: string;
}

/** The errors the level routes answer with, beside the document's own (shared/scenario/level.ts LEVEL_ERRORS). */
export const LEVEL_API_ERRORS = {
  'design-invalid': 'A design of the level does not load.',
  'reference-fails': 'The reference design misses a primary objective: a level must be winnable to be published.',
  'unknown-level': 'There is no level with that code.',
  'unknown-version': 'That level has no such version.',
  unauthorized: "Send the level's author token as Authorization: Bearer <token>.",
  'no-database': 'Levels cannot be stored: the database is not available.',
  'invalid-request': 'The request is not what this address takes.',
  'unknown-scenario': 'There is no campaign scenario with that id.',
  'prover-busy': 'The server is proving other levels right now: try again in a moment.',
  'prover-failed': 'The server could not prove the level.',
} as const;
export type LevelApiErrorCode = keyof typeof LEVEL_API_ERRORS;

/** The link that opens a published level's page for players. */
export function levelLink(origin: string, code: string): string {
  return `${origin}/?level=${code}`;
}

/** What a level is kept under wherever a campaign scenario is kept by its id (personal bests, a competition's
 * scenario): never the level's own id, which its author chose and which may repeat a campaign scenario's. */
export function levelKey(code: string): string {
  return `level:${code}`;
}

/**
 * A room asked for a level that cannot be played: refused as it is created, with a status of its own that the page
 * says by its code (refusals.<code>, by shared/protocol/join-refusal.ts). A refusal while a room is created travels
 * as the matchmaking request's HTTP status, so these are HTTP statuses no one else uses (not the classroom's
 * 44xx, which travel over the room's socket).
 */
export const LEVEL_JOIN_REFUSAL = { 'unknown-level': 460, 'unknown-level-version': 461 } as const;
export type LevelJoinRefusalCode = keyof typeof LEVEL_JOIN_REFUSAL;

export function levelJoinRefusalOf(status: unknown): LevelJoinRefusalCode | undefined {
  return (Object.keys(LEVEL_JOIN_REFUSAL) as LevelJoinRefusalCode[]).find((code) => LEVEL_JOIN_REFUSAL[code] === status);
}

export interface LevelApiError {
  code: string;
  message: string;
  /** Problems placed on the fields they concern, for the editor to show under each. */
  issues?: LevelIssue[];
  /** With `reference-fails`: the server's proof, to show which objectives the reference design missed. */
  proof?: LevelProof;
}
