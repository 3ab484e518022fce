// What an IAM user actually did, read from CloudTrail, and the two things IAM Access Analyzer makes of it:
//
// - Unused access: "IAM principals with unused service and action-level permissions" — permissions granted but
//   not used over the tracking period (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html).
//   Here the period is the match so far, and the grant is measured by least-privilege.ts.
// - Policy generation: "IAM Access Analyzer reviews your AWS CloudTrail logs and generates a policy template
//   that contains the permissions that the entity used in your specified date range"
//   (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_generate-policy.html). Actions of services
//   with action-level information (the game's catalogue) are listed one by one; any other service is granted as
//   "service:*", as AWS does for services without action-level data. Resources are left "*": AWS's template
//   leaves resource placeholders for the author to fill in, which the game cannot express in a valid policy.

import type { TrailEvent } from '../trail/event.ts';
import { findAction } from './actions.ts';
import { principalPolicies } from './principals.ts';
import type { Directory } from './directory.ts';
import { privilegeReport, type PrivilegeReport } from './least-privilege.ts';
import { POLICY_VERSION, type PolicyDocument, type PolicyStatement } from './policy-schema.ts';
import { refuse, type IamRefusal } from './refusals.ts';

/** The IAM action a trail event is, when it is an AWS API call ("ec2.amazonaws.com" + "RunInstances"). */
export function actionOfEvent(event: TrailEvent): string | undefined {
  if (!event.eventSource.endsWith('.amazonaws.com')) return undefined;
  return `${event.eventSource.slice(0, -'.amazonaws.com'.length)}:${event.eventName}`;
}

/**
 * The actions a user called successfully, in the order first used. Only the user's own long-term identity
 * counts (principal IAMUser): calls made through an assumed role are the role's activity, as in CloudTrail.
 * Refused calls are left out: a permission the user was denied was not used.
 */
export function actionsUsedBy(trail: readonly TrailEvent[], user: string, team?: string | null): string[] {
  const seen = new Set<string>();
  const raw = new Set<string>();
  const out: string[] = [];
  for (const event of trail) {
    if (event.principal.type !== 'IAMUser' || event.principal.name !== user || event.outcome !== 'Success') continue;
    if (team !== undefined && event.team !== team) continue;
    const action = actionOfEvent(event);
    // The catalogue lookup is done once per distinct call, not once per event: a long match repeats its calls.
    if (action === undefined || raw.has(action)) continue;
    raw.add(action);
    const name = findAction(action)?.name ?? action;
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

/** A user's unused-access finding: their grants measured against their CloudTrail activity. */
export function userPrivilege(directory: Directory, trail: readonly TrailEvent[], user: string, nowS: number): PrivilegeReport {
  return privilegeReport(principalPolicies(directory, { kind: 'user', name: user }, nowS), actionsUsedBy(trail, user));
}

/** The users whose grants count for a team: those who acted on its board (the trail's IAMUser principals). */
export function usersActingFor(trail: readonly TrailEvent[], team: string): string[] {
  const users = new Set<string>();
  for (const event of trail) if (event.team === team && event.principal.type === 'IAMUser') users.add(event.principal.name);
  return [...users].sort();
}

/**
 * A team's least-privilege figure: the lowest score among the IAM users who acted for it (the weakest link is
 * what an attacker would use), 1 when no IAM user acted (nobody holds excess that was exercised by the team).
 */
export function teamPrivilegeScore(directory: Directory, trail: readonly TrailEvent[], team: string, nowS: number): number {
  let score = 1;
  for (const user of usersActingFor(trail, team)) {
    if (!directory.users.some((u) => u.name === user)) continue;
    score = Math.min(score, userPrivilege(directory, trail, user, nowS).score);
  }
  return score;
}

/** A Sid for a service's statement: letters and digits only, as IAM requires. */
function sidFor(service: string): string {
  const words = service.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return `${words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}Used`;
}

/** The generated policy: one Allow statement per service the user called, actions sorted. */
export function generatePolicyFromTrail(trail: readonly TrailEvent[], user: string): { ok: true; document: PolicyDocument } | IamRefusal {
  const used = actionsUsedBy(trail, user);
  if (used.length === 0) {
    return refuse('no-activity', `CloudTrail holds no successful call by user ${user} in this match: there is no activity to generate a policy from.`);
  }
  const byService = new Map<string, Set<string>>();
  for (const action of used) {
    const service = action.slice(0, action.indexOf(':'));
    const set = byService.get(service) ?? new Set<string>();
    // A service the catalogue has no action-level data for is granted whole, as Access Analyzer does.
    set.add(findAction(action) ? action : `${service}:*`);
    byService.set(service, set);
  }
  const Statement: PolicyStatement[] = [...byService.keys()].sort().map((service) => {
    const actions = [...byService.get(service)!].sort();
    return { Sid: sidFor(service), Effect: 'Allow', Action: actions.length === 1 ? actions[0]! : actions, Resource: '*' };
  });
  return { ok: true, document: { Version: POLICY_VERSION, Statement } };
}
