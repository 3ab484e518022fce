// Switching a board load balancer between Application and Network (the inspector's type select): in AWS that is
// a new load balancer, and an NLB takes only layer-4 listeners (shared/template/checks/nlb-checks.ts). The one
// gesture carries its listeners and target groups along: HTTP ⇄ TCP, HTTPS ⇄ TLS (the certificate stays, so TLS
// still ends on the load balancer), and a per-request algorithm back to round robin. Listener rules stay, and
// the rules refuse them on an NLB with AWS's reason.

import type { Design, Resource, ResourceId } from './model.ts';

const TO_NETWORK: Record<string, string> = { HTTP: 'TCP', HTTPS: 'TLS' };
const TO_APPLICATION: Record<string, string> = { TCP: 'HTTP', TLS: 'HTTPS', UDP: 'HTTP', TCP_UDP: 'HTTP' };

/** The design with the listeners and target groups of load balancer `lb` made to fit its (new) type. */
export function followLoadBalancerType(design: Design, lb: ResourceId): Design {
  const balancer = design.resources[lb];
  if (balancer?.kind !== 'loadBalancer') return design;
  const network = balancer.props.lbType === 'network';
  const map = network ? TO_NETWORK : TO_APPLICATION;
  const groups = new Set<ResourceId>();
  let changed = false;
  const resources = design.resources.map((r): Resource => {
    if (r.kind !== 'listener' || r.props.loadBalancer !== lb) return r;
    for (const f of r.props.forward) groups.add(f.targetGroup);
    const protocol = map[r.props.protocol.toUpperCase()];
    if (protocol === undefined) return r;
    changed = true;
    return { ...r, props: { ...r.props, protocol } };
  });
  const out = resources.map((r): Resource => {
    if (r.kind !== 'targetGroup' || !groups.has(r.id)) return r;
    const protocol = map[r.props.protocol.toUpperCase()] ?? r.props.protocol;
    const algorithm = network ? 'round_robin' : r.props.algorithm;
    if (protocol === r.props.protocol && algorithm === r.props.algorithm) return r;
    changed = true;
    return { ...r, props: { ...r.props, protocol, algorithm } };
  });
  return changed ? { ...design, resources: out } : design;
}
