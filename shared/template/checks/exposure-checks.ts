// Something reached from the internet must sit in a public subnet: an internet-facing load balancer whose
// subnets are all private, or an instance that a DNS record, a CloudFront origin or an accelerator sends users
// to directly while its subnet is private, cannot be reached.

import type { DesignIssue, ResourceId } from '../../design/model.ts';
import { publicSubnets } from '../public-subnets.ts';
import type { CheckContext } from './check-context.ts';

export function checkExposure(c: CheckContext): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const isPublic = publicSubnets(c.design);
  for (const lb of c.ofKind('loadBalancer')) {
    const subnets = lb.props.subnets.filter((s) => c.get(s, 'subnet'));
    if (lb.props.scheme !== 'internet-facing' || subnets.length === 0) continue;
    if (subnets.every((s) => !isPublic.has(s))) {
      issues.push(c.issue(lb, 'warning', 'internet-facing-in-private-subnet', 'an internet-facing load balancer only in private subnets: no route from the internet reaches it', { context: 'loadBalancer' }));
    }
  }
  const reached = new Set<ResourceId>([
    ...c.ofKind('recordSet').flatMap((r) => (r.props.target === undefined ? [] : [r.props.target])),
    ...c.ofKind('distribution').flatMap((d) => d.props.origins),
    ...c.ofKind('endpointGroup').flatMap((g) => g.props.endpoints.map((e) => e.target)),
  ]);
  for (const id of reached) {
    const instance = c.get(id, 'instance');
    if (instance && c.get(instance.props.subnet, 'subnet') && !isPublic.has(instance.props.subnet)) {
      issues.push(c.issue(instance, 'warning', 'internet-facing-in-private-subnet', 'users are sent to this instance directly, but its subnet is private', { context: 'instance' }));
    }
  }
  return issues;
}
