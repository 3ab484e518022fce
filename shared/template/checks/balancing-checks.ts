// The ELB rules the game teaches. An Application Load Balancer needs subnets in at least two AZs: AWS refuses
// fewer with its own words, so this is an error (an NLB or a classic ELB may have one). A target in an
// availability zone its load balancer does not enable gets no traffic: AWS accepts such a registration, so
// that is a warning, not an error.

import { catalogue, CLASSIC_ELB } from '../../catalogue/index.ts';
import type { DesignIssue, Resource, ResourceId } from '../../design/model.ts';
import type { CheckContext } from './check-context.ts';

/** CreateLoadBalancer's ValidationError, word for word. */
export const ALB_TWO_ZONES_MESSAGE = 'At least two subnets in two different Availability Zones must be specified';

export function checkLoadBalancerZones(c: CheckContext): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const minimum = catalogue.loadBalancing.albMinimumZones.value;
  for (const lb of c.ofKind('loadBalancer')) {
    if (lb.props.lbType !== 'application' || lb.awsType === CLASSIC_ELB) continue;
    if (enabledZones(c, lb.props.subnets, undefined).size < minimum) {
      issues.push(c.issue(lb, 'error', 'alb-needs-two-zones', ALB_TWO_ZONES_MESSAGE));
    }
    if (!lb.props.crossZone) {
      issues.push(
        c.issue(
          lb,
          'warning',
          'alb-cross-zone-always-on',
          'an Application Load Balancer always balances across zones: turn cross-zone off on its target groups (load_balancing.cross_zone.enabled)',
        ),
      );
    }
  }
  return issues;
}

/** The zones a load balancer enables (its subnets' zones and any zones it names directly). */
export function enabledZones(c: CheckContext, subnets: ResourceId[], zones: string[] | undefined): Set<string> {
  const out = new Set<string>(zones ?? []);
  for (const id of subnets) {
    const subnet = c.get(id, 'subnet');
    if (subnet) out.add(subnet.props.zone);
  }
  return out;
}

export function checkTargetZones(c: CheckContext): DesignIssue[] {
  const issues: DesignIssue[] = [];
  for (const lb of c.ofKind('loadBalancer')) {
    const enabled = enabledZones(c, lb.props.subnets, lb.props.zones);
    if (enabled.size === 0) continue; // its zones are outside the board: nothing to compare with
    const listeners = c.ofKind('listener').filter((l) => l.props.loadBalancer === lb.id);
    const rules = c.ofKind('listenerRule').filter((r) => listeners.some((l) => l.id === r.props.listener));
    const groups = new Set([...listeners, ...rules].flatMap((x) => x.props.forward.map((f) => f.targetGroup)));
    const warn = (target: Resource, zones: Iterable<string>) => {
      for (const zone of zones) {
        if (!enabled.has(zone)) {
          issues.push(
            c.issue(target, 'warning', 'target-in-disabled-zone', `${zone} is not enabled on ${lb.logicalId} (${[...enabled].join(', ')}): targets there get no traffic`, {
              zone,
              loadBalancer: lb.logicalId,
              zones: [...enabled].join(', '),
            }),
          );
        }
      }
    };
    for (const groupId of groups) {
      const group = c.get(groupId, 'targetGroup');
      for (const instance of (group?.props.targets ?? []).map((t) => c.get(t, 'instance'))) {
        const subnet = c.get(instance?.props.subnet, 'subnet');
        if (instance && subnet) warn(instance, [subnet.props.zone]);
      }
      for (const asg of c.ofKind('autoScalingGroup').filter((g) => g.props.targetGroups.includes(groupId))) {
        warn(asg, enabledZones(c, asg.props.subnets, asg.props.zones));
      }
    }
  }
  return issues;
}
