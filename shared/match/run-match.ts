// A scenario run through the room's rules, with no room and no players: what proves a level whose lesson is
// IAM (who may do what, with or without MFA, and how much of it they used). A design's timed actions that
// name who plays them (`as`) are that player's intents, checked, applied and recorded in CloudTrail exactly
// as a match applies a player's; the least-privilege figure comes from that CloudTrail. Everything else is
// measured as runScenario measures it (shared/sim/run.ts), so the CLI's --check compares like with like.
//
// Players are seated as the room seats them (server/rooms/seats.ts): a name the account does not know joins
// as a new IAM user in the Builders group; a name it knows (a user the scenario's opening made, such as the
// one whose key leaked) is that user handed to the player, as the host's assignUser does.

import type { Design, TimedAction } from '../design/model.ts';
import { findUser } from '../iam/directory.ts';
import type { Scenario } from '../scenario/schema.ts';
import { applyAction, simActionSchema } from '../sim/actions.ts';
import { actionTimeS, runDriven, runScenario, type RunOptions, type RunResult } from '../sim/run.ts';
import { T_NOW } from '../sim/state.ts';
import { warningSentence } from '../sim/timeline-text.ts';
import { BUILDERS_GROUP, createMatch, SYSTEM_ACTOR } from './create.ts';
import { applyIntent } from './apply.ts';
import { matchIntentSchema, type MatchIntent } from './intents.ts';
import { simSeconds, type Actor, type Match } from './match.ts';
import { teamLeastPrivilege } from './team-standing.ts';
import { runTick, type Queued, type TimelineCursor } from './tick.ts';

/** The name that plays an action as the account's root, the match's host. */
export const ROOT_PLAYER = 'root';
export const PLAYED_TEAM = 'team-1';

/** Whether a design's actions need the room's rules: some name who plays them. */
export function playsAsMatch(design: Design): boolean {
  return design.actions.some((a) => a.as !== undefined);
}

/** Why a timed action cannot be played, or undefined when its intent has the shape its kind needs. */
export function timedActionProblem(action: TimedAction): string | undefined {
  const checked = action.as === undefined ? simActionSchema.safeParse(action.intent) : matchIntentSchema.safeParse(action.intent);
  if (checked.success) return undefined;
  const issue = checked.error.issues[0];
  return `${issue?.path.join('.') || 'intent'}: ${issue?.message}`;
}

function actorFor(name: string): Actor {
  if (name === ROOT_PLAYER) return { nickname: 'host', identity: { kind: 'root' }, team: PLAYED_TEAM, host: true, mfa: true };
  return { nickname: name, identity: { kind: 'user', name }, team: PLAYED_TEAM, host: false, mfa: false };
}

/** Seats every player the actions name, before the clock starts, as the room seats players who join. */
function seatPlayers(match: Match, actions: readonly TimedAction[]): void {
  const names = [...new Set(actions.flatMap((a) => (a.as === undefined || a.as === ROOT_PLAYER ? [] : [a.as])))];
  for (const name of names) {
    if (findUser(match.directory, name)) continue;
    applyIntent(match, SYSTEM_ACTOR, { type: 'iam', request: { op: 'createUser', name } }, 0);
    applyIntent(match, SYSTEM_ACTOR, { type: 'iam', request: { op: 'addToGroup', member: name, group: BUILDERS_GROUP } }, 0);
  }
}

interface Due {
  atS: number;
  as?: string;
  intent: unknown;
}

/**
 * Runs the scenario as a solo match: the host starts the clock, and each action is applied in the tick of its
 * time (players' intents in the tick's documented order, shared/match/tick.ts). The match is returned too, for
 * tests that read its CloudTrail and directory.
 */
export function runScenarioInMatch(design: Design, scenario: Scenario, options: RunOptions): { result: RunResult; match: Match } {
  const match = createMatch({ mode: 'solo', scenario, seed: options.seed, design, teams: [{ id: PLAYED_TEAM, name: 'Team 1' }] });
  const team = match.teams[0]!;
  const warnings = team.world.topo.warnings.map(warningSentence);
  const given: Due[] = [...design.actions, ...(options.actions ?? [])];
  const timed: Due[] = [];
  given.forEach((a, i) => {
    const problem = a.atS >= 0 ? timedActionProblem({ atS: a.atS, ...(a.as !== undefined ? { as: a.as } : {}), intent: a.intent as Record<string, unknown> }) : 'bad time';
    if (problem) return void warnings.push(`action ${i + 1} at ${a.atS} s is not a valid action and is skipped: ${problem}`);
    const atS = actionTimeS(team.world, a, i, warnings);
    if (atS !== undefined) timed.push({ ...a, atS });
  });
  // Stable: actions of one time keep the order the manifest gives them.
  timed.sort((x, y) => x.atS - y.atS);
  seatPlayers(match, timed as TimedAction[]);
  const cursor: TimelineCursor = new Map();
  let next = 0;
  let seq = 0;
  const result = runDriven(scenario, options.seed, {
    world: () => team.world,
    beforeStep(out) {
      const nowS = simSeconds(match);
      const queue: Queued[] = [];
      if (match.clock.phase === 'build') queue.push({ seq: seq++, actor: actorFor(ROOT_PLAYER), intent: { type: 'clock', command: 'start' }, wallMs: 0 });
      const plain: Due[] = [];
      for (; next < timed.length && timed[next]!.atS <= nowS; next++) {
        const a = timed[next]!;
        if (a.as === undefined) plain.push(a);
        else queue.push({ seq: seq++, actor: actorFor(a.as), intent: a.intent as MatchIntent, wallMs: 0 });
      }
      const { applied } = runTick(match, queue, 0, 0, cursor);
      for (const { queued, result: r } of applied) {
        if (!r.ok && r.refusal) out.push(`action at ${nowS} s (as ${queued.actor.identity.kind === 'root' ? ROOT_PLAYER : queued.actor.nickname}) refused: ${r.refusal.code}: ${r.refusal.message ?? ''}`);
      }
      // Run-time actions without a player act on the world directly, as in runScenario.
      for (const a of plain) {
        const r = applyAction(team.world, a.intent);
        if (!r.ok) out.push(`action at ${a.atS} s refused: ${r.code}: ${r.message}`);
      }
    },
    step() {
      runTick(match, [], 1, 0, cursor);
    },
    finish(out) {
      for (; next < timed.length; next++) out.push(`action at ${timed[next]!.atS} s comes after the scenario ends and is skipped`);
    },
    leastPrivilege: () => teamLeastPrivilege(match, team),
  }, warnings);
  // The world's own clock and the match's agree: both count the same steps.
  if (team.world.state.tally[T_NOW] !== simSeconds(match)) throw new Error('the match clock and the world clock disagree');
  return { result, match };
}

/** A level's run, the way its actions ask for: through the room's rules when a player is named, else directly. */
export function runLevel(design: Design, scenario: Scenario, options: RunOptions): RunResult {
  return playsAsMatch(design) ? runScenarioInMatch(design, scenario, options).result : runScenario(design, scenario, options);
}
