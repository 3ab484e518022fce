// A colleague's hand change to a security group (scenario event `security-group-change`): at the event's time an
// IAM user of the account (say `dana-ops`) calls RevokeSecurityGroupIngress (or AuthorizeSecurityGroupIngress) on
// a group of the board. The change goes through the same rule change as a player's run-time action
// (security-group-actions.ts), so security groups decide what it breaks exactly as they decide anything else.
// Nobody announces it: it is found in CloudTrail, where the timeline entry is logged as that user's own call with
// the group and the rule in its request parameters (shared/match/tick.ts). Runs at the start of a step, as every
// event that changes the board does; the change's time is kept for time to recovery (recovery.ts).

import type { Resource } from '../design/model.ts';
import type { ScenarioEvent } from '../scenario/schema.ts';
import { ANNOUNCED, PENDING } from './events.ts';
import { changeIngress, ruleText, type IngressRuleInput } from './security-group-actions.ts';
import { RC_CHANGED, T_NOW } from './state.ts';
import { rebuildWorld } from './update.ts';
import { note, type World } from './world.ts';

type Change = Extract<ScenarioEvent, { type: 'security-group-change' }>;

/**
 * CloudTrail's requestParameters of an (Authorize|Revoke)SecurityGroupIngress call for one rule, the groups named
 * as the board labels them (`sourceGroupId`: the source group's label, for a rule from a group).
 */
export function ingressRequest(groupId: string, rule: IngressRuleInput, sourceGroupId?: string): Record<string, unknown> {
  const permission: Record<string, unknown> = { ipProtocol: rule.protocol, fromPort: rule.fromPort, toPort: rule.toPort };
  if (rule.cidr !== undefined) permission.ipRanges = { items: [{ cidrIp: rule.cidr }] };
  if (rule.sourceGroup !== undefined) permission.groups = { items: [{ groupId: sourceGroupId ?? rule.sourceGroup }] };
  return { groupId, ipPermissions: { items: [permission] } };
}

/** Makes every colleague change that falls due now. advanceEvents, later in the step, marks the event over. */
export function applyColleagueChanges(world: World): void {
  const t = world.state.tally[T_NOW]!;
  const events = world.plan.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type !== 'security-group-change' || t < e.atS) continue;
    const phase = world.state.eventPhase[i];
    if (phase !== PENDING && phase !== ANNOUNCED) continue;
    makeChange(world, e);
  }
}

function makeChange(world: World, e: Change): void {
  const { user, target, stack, change, rule } = e.params;
  const d = world.design;
  const group = d.resources.find(
    (r): r is Resource => r.kind === 'securityGroup' && r.logicalId === target && (stack === undefined || d.stacks[r.stack]?.name === stack) && world.state.removed[r.id] !== 1,
  );
  // A group the team has deleted, or a rule it no longer has: EC2 would refuse the call, and nothing changes.
  if (!group) return;
  const label = world.topo.labels[group.id]!;
  const result = changeIngress(d, group, rule, change === 'authorize', label);
  if (!result.ok) return;
  rebuildWorld(world, result.design, Uint8Array.from(world.state.removed));
  const recovery = world.state.recovery;
  if (recovery[RC_CHANGED] === 0) recovery[RC_CHANGED] = world.state.tally[T_NOW]! + 1;
  const source = rule.sourceGroup === undefined ? undefined : d.resources.find((r) => r.kind === 'securityGroup' && r.stack === group.stack && r.logicalId === rule.sourceGroup);
  const action = change === 'authorize' ? 'AuthorizeSecurityGroupIngress' : 'RevokeSecurityGroupIngress';
  note(world, change === 'authorize' ? 'colleagueAuthorizedIngress' : 'colleagueRevokedIngress', { user, group: label, rule: ruleText(rule) }, {
    actor: user,
    action: `ec2:${action}`,
    resources: [label],
    request: ingressRequest(label, rule, source && world.topo.labels[source.id]),
  });
}
