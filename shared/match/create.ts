// How every match begins, wherever it is played: the room, the replay (of a live match or a file), the tests
// and the benchmarks all start here, so they start alike. A match begins blank (match.ts) and then its account
// opens: the Builders group every player joins (enough to build, nothing of IAM; the host can change that),
// and, in a scenario that leaks a deployment user's keys, that user, over-privileged; in one where a colleague
// changes security groups by hand, that colleague. These are the match's
// first CloudTrail entries, made by the game itself (SYSTEM_ACTOR), exactly as the room made them before this
// rule moved here, so logs recorded then replay the same (see openingLength).
import { applyIntent, colleagueUsers, leakedUsers } from './apply.ts';
import type { MatchIntent } from './intents.ts';
import { blankMatch, type Actor, type Match, type MatchSetup } from './match.ts';
import type { TrailEvent } from '../trail/event.ts';

/** The group every player joins by default. */
export const BUILDERS_GROUP = 'Builders';

/** The game itself, acting as the account's root: the opening, and the room's seating of players. */
export const SYSTEM_ACTOR: Actor = { nickname: 'five-nines', identity: { kind: 'root' }, team: null, host: true, mfa: true };

/** The account's opening, in order. */
export function openingIntents(scenario: Match['scenario']): MatchIntent[] {
  const intents: MatchIntent[] = [
    { type: 'iam', request: { op: 'createGroup', name: BUILDERS_GROUP } },
    { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'group', name: BUILDERS_GROUP }, policy: { kind: 'managed', name: 'PowerUserAccess' } } },
  ];
  for (const user of leakedUsers(scenario)) {
    intents.push({ type: 'iam', request: { op: 'createUser', name: user } });
    intents.push({ type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: user }, policy: { kind: 'managed', name: 'PowerUserAccess' } } });
  }
  // A colleague who changes security groups by hand (who-closed-the-port) is a user of the account, with AWS's
  // NetworkAdministrator job function: allowed to, which is why CloudTrail is where the team finds the change.
  for (const user of colleagueUsers(scenario)) {
    intents.push({ type: 'iam', request: { op: 'createUser', name: user } });
    intents.push({ type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: user }, policy: { kind: 'managed', name: 'NetworkAdministrator' } } });
  }
  return intents;
}

/** A new match, its account opened. `wallMs` is only what the log shows as the opening's wall-clock time. */
export function createMatch(setup: MatchSetup, wallMs = 0): Match {
  const match = blankMatch(setup);
  for (const intent of openingIntents(match.scenario)) applyIntent(match, SYSTEM_ACTOR, intent, wallMs);
  return match;
}

/**
 * How many of a recorded log's first entries are the opening `match` (just created) already made: all of
 * them when the log begins with the same calls, else none. A replay applies only the inputs after them.
 */
export function openingLength(match: Match, trail: readonly TrailEvent[]): number {
  const opening = match.trail;
  if (trail.length < opening.length) return 0;
  const same = opening.every((made, i) => {
    const recorded = trail[i]!;
    return recorded.eventName === made.eventName && recorded.userIdentity?.nickname === SYSTEM_ACTOR.nickname && JSON.stringify(recorded.params) === JSON.stringify(made.params);
  });
  return same ? opening.length : 0;
}
