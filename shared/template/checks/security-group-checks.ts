// Security group rules EC2 would refuse (AuthorizeSecurityGroupIngress/Egress answer InvalidParameterValue): a
// rule names one peer, not both a CIDR range and a security group; a range must be an IPv4 CIDR; TCP and UDP ports
// lie in 0–65535 with FromPort ≤ ToPort. A rule whose peer the board cannot see (a group of another account, a
// prefix list) is kept and admits nobody on the board. A board edit that breaks a rule is refused with the
// issue's code (edits.ts: design-rule, detail invalid-security-group-rule).

import type { DesignIssue, SecurityRule } from '../../design/model.ts';
import { isCidr } from '../../design/cidr.ts';
import { catalogue } from '../../catalogue/index.ts';
import type { CheckContext } from './check-context.ts';

const PORTED = new Set(['tcp', 'udp', '6', '17']);

function ruleProblem(rule: SecurityRule): string | undefined {
  if (rule.cidr !== undefined && rule.sourceGroup !== undefined) return 'a rule names one peer, a CIDR range or a security group, not both';
  if (rule.cidr !== undefined && !isCidr(rule.cidr)) return `"${rule.cidr}" is not an IPv4 CIDR block`;
  if (PORTED.has(rule.protocol.toLowerCase())) {
    if (!(rule.fromPort >= 0 && rule.toPort <= 65535 && rule.fromPort <= rule.toPort)) return `ports ${rule.fromPort}–${rule.toPort} are not a range within 0–65535`;
  }
  return undefined;
}

export function checkSecurityGroups(c: CheckContext): DesignIssue[] {
  const issues: DesignIssue[] = [];
  for (const group of c.ofKind('securityGroup')) {
    const quota = catalogue.vpc.securityGroupRulesPerDirection.value;
    for (const [direction, list] of [['inbound', group.props.ingress], ['outbound', group.props.egress ?? []]] as const) {
      if (list.length > quota) {
        issues.push(c.issue(group, 'error', 'security-group-rules-limit', `${group.logicalId} has ${list.length} ${direction} rules; a security group takes at most ${quota} (RulesPerSecurityGroupLimitExceeded)`));
      }
    }
    const rules = [...group.props.ingress.map((r) => ['inbound', r] as const), ...(group.props.egress ?? []).map((r) => ['outbound', r] as const)];
    for (const [direction, rule] of rules) {
      const problem = ruleProblem(rule);
      if (problem) issues.push(c.issue(group, 'error', 'invalid-security-group-rule', `an ${direction} rule of ${group.logicalId}: ${problem}`));
    }
  }
  return issues;
}
