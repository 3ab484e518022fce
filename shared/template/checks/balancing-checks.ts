// The ELB rule the game teaches: a target in an availability zone its load balancer does not enable gets no
// traffic. AWS accepts such a registration, so this is a warning, not an error.

import type { DesignIssue, Resource, ResourceId } from '../../design/model.ts';
import type { CheckContext } from './check-context.ts';

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
            c.issue(target, 'warning', 'target-in-disabled-zone', `${zone} is not enabled on ${lb.logicalId} (${[...enabled].join(', ')}): targets there get no traffic`),
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
