import { z } from 'zod';
import { snapshotWorld, tryRestoreWorld, type WorldSnapshot } from '../sim/hash.ts';
import { trailEventSchema } from '../trail/event.ts';
import { PHASES, type MatchClock } from './clock.ts';
import { MATCH_MODES, type Actor, type Match } from './match.ts';
import type { Directory } from '../iam/directory.ts';
import type { UndoEntry } from './apply-gesture.ts';

// A whole match as plain JSON: what the server stores while a match runs and restores after a restart.
// Worlds are stored as their snapshots (exact to the byte: a restored world hashes the same).

export interface MatchSnapshot {
  version: 1;
  mode: Match['mode'];
  /** The scenario as the match started (a world's own copy also holds the events injected into it). */
  scenario: Match['scenario'];
  seed: number;
  clock: MatchClock;
  teams: { id: string; name: string; actionsUsed: string[]; world: WorldSnapshot; undo?: UndoEntry[] }[];
  directory: Directory;
  trail: Match['trail'];
  /** The room's seats (nickname → actor), so players who come back by name get their seat back. */
  seats: Actor[];
  origin: Match['origin'];
}

/** The players' undo history: inverse plans, checked again by the rules when an undo applies them. */
const undoEntrySchema = z.object({
  player: z.string(),
  inverse: z.object({ steps: z.array(z.record(z.string(), z.unknown())), expect: z.array(z.object({ ref: z.string(), fingerprint: z.string().nullable() })) }),
});

const snapshotSchema = z.object({
  version: z.literal(1),
  mode: z.enum(MATCH_MODES),
  scenario: z.record(z.string(), z.unknown()),
  seed: z.number().int(),
  clock: z.object({ phase: z.enum(PHASES), speed: z.number(), step: z.number().int(), endStep: z.number().int(), endedAtStep: z.number().int().optional() }),
  teams: z.array(z.object({ id: z.string(), name: z.string(), actionsUsed: z.array(z.string()), world: z.record(z.string(), z.unknown()), undo: z.array(undoEntrySchema).optional() })).min(1),
  directory: z.object({ users: z.array(z.unknown()), groups: z.array(z.unknown()), roles: z.array(z.unknown()), customerPolicies: z.array(z.unknown()) }),
  trail: z.array(trailEventSchema),
  seats: z.array(z.record(z.string(), z.unknown())),
  origin: z.object({ mode: z.enum(MATCH_MODES), seed: z.number().int(), scenario: z.record(z.string(), z.unknown()), design: z.record(z.string(), z.unknown()), teams: z.array(z.object({ id: z.string(), name: z.string() })) }),
});

export function snapshotMatch(match: Match, seats: readonly Actor[]): MatchSnapshot {
  return {
    version: 1,
    mode: match.mode,
    scenario: structuredClone(match.scenario),
    seed: match.seed,
    clock: { ...match.clock },
    teams: match.teams.map((t) => ({ id: t.id, name: t.name, actionsUsed: [...t.actionsUsed], world: snapshotWorld(t.world), ...(t.undo?.length ? { undo: structuredClone(t.undo) } : {}) })),
    directory: structuredClone(match.directory),
    trail: match.trail.map((e) => ({ ...e })),
    seats: structuredClone([...seats]),
    origin: structuredClone(match.origin),
  };
}

export type RestoredMatch = { ok: true; match: Match; seats: Actor[] } | { ok: false; message: string };

/** Rebuilds a match from a stored snapshot; a damaged one is refused, never half-restored. */
export function restoreMatch(raw: unknown): RestoredMatch {
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: `not a match snapshot: ${parsed.error.issues[0]?.path.join('.')}` };
  const snapshot = raw as MatchSnapshot;
  const teams: Match['teams'] = [];
  for (const t of snapshot.teams) {
    const world = tryRestoreWorld(t.world);
    if (!world.ok) return { ok: false, message: `team ${t.id}: ${world.message}` };
    teams.push({ id: t.id, name: t.name, actionsUsed: [...t.actionsUsed], world: world.world, ...(t.undo ? { undo: structuredClone(t.undo) } : {}) });
  }
  const match: Match = {
    mode: snapshot.mode,
    scenario: snapshot.scenario,
    seed: snapshot.seed,
    clock: { ...snapshot.clock },
    teams,
    directory: snapshot.directory,
    trail: snapshot.trail,
    origin: snapshot.origin,
  };
  return { ok: true, match, seats: snapshot.seats };
}
