// AuthorizeSecurityGroupIngress and RevokeSecurityGroupIngress on a running world: a rule added to or taken from a
// security group takes effect at once for new connections (compile/security-groups.ts decides with the new rules).
// Refusals use EC2's own error codes: InvalidPermission.Duplicate for a rule the group already has,
// InvalidPermission.NotFound for revoking one it lacks, InvalidGroup.NotFound for a source group not on the board,
// InvalidParameterValue for a range that is not an IPv4 CIDR or ports out of order.

import { z } from 'zod';
import { isCidr } from '../design/cidr.ts';
import type { Design, Resource, SecurityRule } from '../design/model.ts';

/** A rule as an action names it: the source group by logical id (in the same stack as the group). */
export const ingressRuleSchema = z.object({
  protocol: z.string().min(1).max(8),
  fromPort: z.number().int().min(-1).max(65535),
  toPort: z.number().int().min(-1).max(65535),
  cidr: z.string().min(1).max(64).optional(),
  sourceGroup: z.string().min(1).max(255).optional(),
});
export type IngressRuleInput = z.output<typeof ingressRuleSchema>;

export type RuleChange = { ok: true; design: Design } | { ok: false; code: string; message: string };

function sameRule(a: SecurityRule, b: SecurityRule): boolean {
  return (
    a.protocol.toLowerCase() === b.protocol.toLowerCase() &&
    a.fromPort === b.fromPort &&
    a.toPort === b.toPort &&
    a.cidr === b.cidr &&
    a.sourceGroup === b.sourceGroup
  );
}

/** The rule an action names, resolved against the board, or the refusal. */
function resolveRule(design: Design, group: Resource, input: IngressRuleInput, label: string): SecurityRule | { code: string; message: string } {
  if ((input.cidr === undefined) === (input.sourceGroup === undefined)) {
    return { code: 'InvalidParameterValue', message: `a rule of ${label} names exactly one source: a CIDR range or a security group` };
  }
  if (input.fromPort > input.toPort) return { code: 'InvalidParameterValue', message: `port ${input.fromPort} is above ${input.toPort}` };
  const rule: SecurityRule = { protocol: input.protocol, fromPort: input.fromPort, toPort: input.toPort };
  if (input.cidr !== undefined) {
    if (!isCidr(input.cidr)) return { code: 'InvalidParameterValue', message: `${input.cidr} is not an IPv4 CIDR range` };
    rule.cidr = input.cidr;
  } else {
    const source = design.resources.find((r) => r.kind === 'securityGroup' && r.stack === group.stack && r.logicalId === input.sourceGroup);
    if (!source) return { code: 'InvalidGroup.NotFound', message: `no security group ${input.sourceGroup} in ${label}'s stack` };
    rule.sourceGroup = source.id;
  }
  return rule;
}

/** The design with one ingress rule added to (authorize) or taken from (revoke) `group`, or the refusal. */
export function changeIngress(design: Design, group: Resource, input: IngressRuleInput, authorize: boolean, label: string): RuleChange {
  if (group.kind !== 'securityGroup') return { ok: false, code: 'wrong-kind', message: `${label} is not a security group` };
  const rule = resolveRule(design, group, input, label);
  if (!('protocol' in rule)) return { ok: false, ...rule };
  const has = group.props.ingress.some((r) => sameRule(r, rule));
  if (authorize && has) return { ok: false, code: 'InvalidPermission.Duplicate', message: `${label} already has this rule` };
  if (!authorize && !has) return { ok: false, code: 'InvalidPermission.NotFound', message: `${label} has no such rule to revoke` };
  const ingress = authorize ? [...group.props.ingress, rule] : group.props.ingress.filter((r) => !sameRule(r, rule));
  const resources = design.resources.map((r) => (r.id === group.id ? ({ ...r, props: { ...group.props, ingress } } as Resource) : r));
  return { ok: true, design: { ...design, resources } };
}

/** The rule as the timeline tells it: "tcp 80 from 10.1.0.0/16". */
export function ruleText(input: IngressRuleInput): string {
  const ports = input.fromPort === input.toPort ? `${input.fromPort}` : `${input.fromPort}-${input.toPort}`;
  return `${input.protocol} ${ports} from ${input.cidr ?? input.sourceGroup}`;
}
