// A Gateway Load Balancer is a bump in the wire, not a front: its listener takes every IP packet on every port
// (no protocol, no port, no rules), its target group speaks GENEVE on 6081 to the appliances, and it has no
// scheme and no security groups. What AWS refuses is refused here with AWS's words where AWS documents them.
// The catalogue's `gatewayLoadBalancer` entries explain the same rules to players.

import { GWLB_TARGET_PORT, GWLB_TARGET_PROTOCOL } from '../../catalogue/index.ts';
import type { DesignIssue } from '../../design/model.ts';
import type { CheckContext } from './check-context.ts';
import { endpointOfRoute, gatewayEndpoints } from '../gwlb-endpoints.ts';

/** The ELB user guide's rule for Gateway Load Balancer listeners, word for word. */
export const GWLB_LISTENER_MESSAGE = 'You cannot specify a protocol or port when you create a listener for a Gateway Load Balancer';
/** CreateLoadBalancer's rule for the Scheme parameter, word for word. */
export const GWLB_SCHEME_MESSAGE = "You can't specify a scheme for a Gateway Load Balancer";
export const GWLB_TARGET_GROUP_MESSAGE = `Target groups for Gateway Load Balancers support only the ${GWLB_TARGET_PROTOCOL} protocol on port ${GWLB_TARGET_PORT}`;
export const GWLB_SECURITY_GROUPS_MESSAGE =
  'a Gateway Load Balancer takes no security groups (they are for Application and Network Load Balancers): the appliances\' own security groups must admit GENEVE (UDP 6081)';
export const GWLB_RULES_MESSAGE = 'a Gateway Load Balancer listener has only its default action: it forwards every packet to one target group';
export const GENEVE_ELSEWHERE_MESSAGE = `a ${GWLB_TARGET_PROTOCOL} target group can only be used by a Gateway Load Balancer`;

export const GWLB_NOT_IN_PATH_MESSAGE =
  'no route sends traffic to a Gateway Load Balancer endpoint (a route with VpcEndpointId): the appliances inspect nothing';

/** Does any route send traffic to a Gateway Load Balancer endpoint (kept as written; see sim/compile/gateway-fleet.ts)? */
function routedThroughEndpoint(c: CheckContext): boolean {
  const endpoints = gatewayEndpoints(c.design);
  return c.ofKind('route').some((r) => endpointOfRoute(endpoints, r) !== undefined);
}

export function checkGatewayLoadBalancers(c: CheckContext): DesignIssue[] {
  const issues: DesignIssue[] = [];
  let routed: boolean | undefined;
  for (const lb of c.ofKind('loadBalancer')) {
    if (lb.props.lbType !== 'gateway') continue;
    routed ??= routedThroughEndpoint(c);
    if (!routed) issues.push(c.issue(lb, 'warning', 'gwlb-not-in-path', GWLB_NOT_IN_PATH_MESSAGE));
    if (lb.props.scheme === 'internet-facing') issues.push(c.issue(lb, 'error', 'gwlb-scheme', GWLB_SCHEME_MESSAGE));
    if (lb.props.securityGroups.length > 0) issues.push(c.issue(lb, 'error', 'gwlb-security-groups', GWLB_SECURITY_GROUPS_MESSAGE));
  }
  const gatewayListeners = new Set<number>();
  const applianceGroups = new Set<number>();
  const otherGroups = new Set<number>();
  for (const l of c.ofKind('listener')) {
    const lb = c.get(l.props.loadBalancer, 'loadBalancer');
    if (!lb) continue;
    if (lb.props.lbType !== 'gateway') {
      for (const f of l.props.forward) otherGroups.add(f.targetGroup);
      continue;
    }
    gatewayListeners.add(l.id);
    for (const f of l.props.forward) applianceGroups.add(f.targetGroup);
    if (!l.props.allTraffic) issues.push(c.issue(l, 'error', 'gwlb-listener-protocol', GWLB_LISTENER_MESSAGE));
  }
  for (const r of c.ofKind('listenerRule')) {
    if (gatewayListeners.has(r.props.listener)) issues.push(c.issue(r, 'error', 'gwlb-listener-rule', GWLB_RULES_MESSAGE));
  }
  for (const id of applianceGroups) {
    const tg = c.get(id, 'targetGroup');
    if (tg && (tg.props.protocol.toUpperCase() !== GWLB_TARGET_PROTOCOL || tg.props.port !== GWLB_TARGET_PORT)) {
      issues.push(c.issue(tg, 'error', 'gwlb-target-group-protocol', GWLB_TARGET_GROUP_MESSAGE));
    }
  }
  for (const id of otherGroups) {
    const tg = c.get(id, 'targetGroup');
    if (tg && tg.props.protocol.toUpperCase() === GWLB_TARGET_PROTOCOL) {
      issues.push(c.issue(tg, 'error', 'geneve-target-group-elsewhere', GENEVE_ELSEWHERE_MESSAGE));
    }
  }
  return issues;
}
