import type { Design } from '../design/model.ts';
import { emptyDirectory, type Directory } from '../iam/directory.ts';
import type { RoleSession } from '../iam/roles.ts';
import type { Scenario } from '../scenario/schema.ts';
import { STEP_SECONDS } from '../sim/constants.ts';
import { createWorld, type World } from '../sim/world.ts';
import type { TrailEvent } from '../trail/event.ts';
import { newClock, type MatchClock } from './clock.ts';
import { copyPlain } from '../design/copy.ts';
import type { UndoEntry } from './apply-gesture.ts';

// A match: one scenario, one clock, one or more teams each with its own design and world, one IAM account,
// and the audit log. Plain data changed only by the functions in this folder, so the server, the tests and
// a replay all run the same rules. Solo is one team of one; team-building one team of several; a classroom
// a host and many teams.

export const MATCH_MODES = ['solo', 'team', 'classroom'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

export interface Team {
  id: string;
  name: string;
  world: World;
  /** IAM actions the team's members used (least privilege is scored against it). */
  actionsUsed: string[];
  /** Each player's gestures that can still be undone, oldest first (apply-gesture.ts). */
  undo?: UndoEntry[];
}

/** Who sent an intent, as the rules see it. The room maps its seats to actors. */
export interface Actor {
  /** The player's nickname: what the log shows beside the principal. */
  nickname: string;
  /** The IAM identity acting: the account's root (the host), an IAM user, or an assumed role. */
  identity: { kind: 'root' } | { kind: 'user'; name: string };
  /** A role the player has assumed, if any: it replaces the user's own permissions until it expires. */
  session?: RoleSession;
  /** The team whose board the actor plays on, or null (a classroom's host). */
  team: string | null;
  host: boolean;
  /** Whether the player signed in with MFA (the root account must, in the scenarios that teach it). */
  mfa: boolean;
}

export interface Match {
  mode: MatchMode;
  scenario: Scenario;
  seed: number;
  clock: MatchClock;
  teams: Team[];
  directory: Directory;
  trail: TrailEvent[];
  /** How the match began: with the trail, all a replay needs. */
  origin: MatchSetup;
}

export interface MatchSetup {
  mode: MatchMode;
  scenario: Scenario;
  seed: number;
  /** Every team starts from this design (the scenario's starting board, or an empty one). */
  design: Design;
  teams: { id: string; name: string }[];
}

/** A match before its account opens: begin one with createMatch (create.ts), which every player of a match uses. */
export function blankMatch(setup: MatchSetup): Match {
  return {
    mode: setup.mode,
    scenario: setup.scenario,
    seed: setup.seed,
    clock: newClock(Math.ceil(setup.scenario.durationS / STEP_SECONDS)),
    // Same design, scenario and seed for every team: the competition is fair by construction.
    teams: setup.teams.map((t) => ({ id: t.id, name: t.name, world: createWorld(copyPlain(setup.design), setup.scenario, setup.seed), actionsUsed: [] })),
    directory: emptyDirectory(),
    trail: [],
    origin: copyPlain(setup),
  };
}

export function teamOf(match: Match, id: string | null): Team | undefined {
  return id === null ? undefined : match.teams.find((t) => t.id === id);
}

/** Simulated seconds since the scenario started. */
export function simSeconds(match: Match): number {
  return match.clock.step * STEP_SECONDS;
}

/** A design with one empty stack per region: the scenario format's own empty board. */
export { emptyBoard as emptyDesign } from '../scenario/start.ts';
