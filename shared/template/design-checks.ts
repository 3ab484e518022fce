// The rule checks run on every loaded design (and usable on any design an editor builds): addresses, zones,
// load balancer zones, internet exposure, catalogue entries, unique logical ids per stack.

import type { Design, DesignIssue } from '../design/model.ts';
import { checkLoadBalancerZones, checkTargetZones } from './checks/balancing-checks.ts';
import { checkCatalogue } from './checks/catalogue-checks.ts';
import { checkListeners } from './checks/listener-checks.ts';
import { checkContext } from './checks/check-context.ts';
import { checkExposure } from './checks/exposure-checks.ts';
import { checkNetworkLoadBalancers } from './checks/nlb-checks.ts';
import { checkGatewayLoadBalancers } from './checks/gwlb-checks.ts';
import { checkAddresses, checkZones } from './checks/network-checks.ts';
import { checkSecurityGroups } from './checks/security-group-checks.ts';
import { checkRetainedReferences } from './checks/retained-checks.ts';

export function checkDesign(design: Design): DesignIssue[] {
  const c = checkContext(design);
  const issues: DesignIssue[] = [];
  const seen = new Set<string>();
  for (const r of [...design.resources, ...design.unmodelled]) {
    const key = `${r.stack}/${r.logicalId}`;
    if (seen.has(key)) {
      const stack = design.stacks[r.stack]?.name;
      issues.push({ severity: 'error', code: 'duplicate-logical-id', ...(stack === undefined ? {} : { stack }), logicalId: r.logicalId, message: 'two resources of the stack share this logical id' });
    }
    seen.add(key);
  }
  issues.push(...checkAddresses(c), ...checkZones(c), ...checkLoadBalancerZones(c), ...checkTargetZones(c), ...checkNetworkLoadBalancers(c), ...checkGatewayLoadBalancers(c), ...checkListeners(c), ...checkExposure(c), ...checkSecurityGroups(c), ...checkCatalogue(c), ...checkRetainedReferences(design));
  return issues;
}
