// Leaked access keys against the account's IAM directory. The attacker signs RunInstances with the long-term
// access key: the request carries no aws:MultiFactorAuthPresent at all (so a Deny on Bool "false" misses it and
// BoolIfExists "false" stops it), the leak's region as aws:RequestedRegion and the attacker's address as
// aws:SourceIp. A key stops launching either because it is gone (its user deleted, and the user's keys with it:
// revoked) or because policy now refuses its calls (an explicit deny, or no policy allowing RunInstances any
// more): the key itself still exists then, and the timeline says which of the two happened.
import { authorize } from '../iam/authorize.ts';
import type { RequestContext } from '../iam/conditions.ts';
import { findUser } from '../iam/directory.ts';
import { ATTACKER_SOURCE_IP } from '../iam/source-ip.ts';
import { applyAction } from '../sim/actions.ts';
import type { SimAction } from '../sim/actions.ts';
import { simSeconds, type Match } from './match.ts';

/** Why a leaked key launches nothing more. */
export type KeyStop = Extract<SimAction, { type: 'revoke-credentials' }>;

/** Whether each leaked user's key can launch instances under the current directory, and if not, why. */
function leakedKeyStates(match: Match): Map<string, KeyStop | 'working'> {
  const states = new Map<string, KeyStop | 'working'>();
  for (const e of match.scenario.events) {
    if (e.type !== 'leaked-credentials') continue;
    const user = e.params.user;
    if (!findUser(match.directory, user)) {
      states.set(user, { type: 'revoke-credentials', user });
      continue;
    }
    const context: RequestContext = { region: e.params.region, sourceIp: e.params.sourceIp ?? ATTACKER_SOURCE_IP };
    const decision = authorize(match.directory, { kind: 'user', name: user }, 'ec2:RunInstances', '*', context, simSeconds(match));
    if (decision.ok) states.set(user, 'working');
    else if (decision.deniedBy) states.set(user, { type: 'revoke-credentials', user, refusedBy: 'explicit-deny', policy: decision.deniedBy.name });
    else states.set(user, { type: 'revoke-credentials', user, refusedBy: 'no-allow' });
  }
  return states;
}

/** The leaked users whose keys can still launch instances. */
export function leakedKeysWorking(match: Match): Set<string> {
  return new Set([...leakedKeyStates(match)].flatMap(([user, state]) => (state === 'working' ? [user] : [])));
}

/**
 * Leaked keys stop working the moment their user may no longer launch instances (a deny, a policy detached, the
 * user deleted): every team's world stops the rogue launches, told why. Decided from the directory alone, so
 * replays agree.
 */
export function stopLeakedKeys(match: Match, before: Set<string>): void {
  for (const [user, state] of leakedKeyStates(match)) {
    if (!before.has(user) || state === 'working') continue;
    for (const team of match.teams) applyAction(team.world, state);
  }
}
