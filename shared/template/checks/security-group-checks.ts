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
  // Network ACL entries: a range EC2 accepts, and one entry per rule number and direction in an ACL
  // (CreateNetworkAclEntry: NetworkAclEntryAlreadyExists).
  const seen = new Set<string>();
  for (const e of c.ofKind('networkAclEntry')) {
    if (!isCidr(e.props.cidr)) issues.push(c.issue(e, 'error', 'invalid-network-acl-entry', `"${e.props.cidr}" is not an IPv4 CIDR block`));
    if (e.props.fromPort !== undefined && e.props.toPort !== undefined && e.props.fromPort > e.props.toPort) {
      issues.push(c.issue(e, 'error', 'invalid-network-acl-entry', `ports ${e.props.fromPort}–${e.props.toPort} are not a range`));
    }
    const key = `${e.props.networkAcl}:${e.props.egress}:${e.props.ruleNumber}`;
    if (seen.has(key)) {
      issues.push(c.issue(e, 'error', 'network-acl-entry-exists', `rule ${e.props.ruleNumber} (${e.props.egress ? 'outbound' : 'inbound'}) is already in this network ACL`));
    }
    seen.add(key);
  }
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
