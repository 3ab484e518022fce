// A Network Load Balancer works at layer 4: it forwards TCP, UDP and TLS connections without reading HTTP, so
// everything that needs HTTP is refused on it, with the words AWS's ValidationError or InvalidConfigurationRequest
// uses: HTTP/HTTPS listeners, listener rules (path and host conditions), cookie stickiness and the algorithms an
// ALB chooses per request (least outstanding requests, weighted random). A TLS listener terminates TLS and needs a
// certificate; a TCP listener on 443 passes TLS through to the targets (shared/sim/compile/compute.ts charges
// their CPU for it). The catalogue's `networkLoadBalancer` entries explain the same rules to players.

import { NLB_LISTENER_PROTOCOLS } from '../../catalogue/network-load-balancer.ts';
import type { DesignIssue, Resource, ResourceOfKind } from '../../design/model.ts';
import type { CheckContext } from './check-context.ts';

/** CreateListener's ValidationError for an HTTP or HTTPS listener on an NLB, word for word. */
export function nlbListenerProtocolMessage(protocol: string): string {
  return `Listener protocol '${protocol}' must be one of '${NLB_LISTENER_PROTOCOLS.join(', ')}'`;
}

/** ModifyTargetGroupAttributes' refusal of a cookie stickiness type on a layer-4 target group, word for word. */
export function stickinessTypeMessage(type: string, protocol: string): string {
  return `Stickiness type '${type}' is not supported for target groups with the ${protocol} protocol`;
}

/** The same refusal for a per-request algorithm (AWS words it as it words stickiness). */
export function algorithmMessage(algorithm: string, protocol: string): string {
  return `Load balancing algorithm type '${algorithm}' is not supported for target groups with the ${protocol} protocol`;
}

export const NLB_RULES_MESSAGE =
  'a Network Load Balancer listener has only its default action: rules by path, host, header or method need an Application Load Balancer';
export const TLS_CERTIFICATE_MESSAGE = 'A certificate must be specified for TLS listeners';

const LAYER4 = new Set<string>(NLB_LISTENER_PROTOCOLS);

function isNetwork(c: CheckContext, id: number): boolean {
  const lb = c.get(id, 'loadBalancer');
  return lb?.props.lbType === 'network';
}

export function checkNetworkLoadBalancers(c: CheckContext): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const nlbListeners = new Set<number>();
  const nlbGroups = new Set<number>();
  for (const l of c.ofKind('listener')) {
    if (!isNetwork(c, l.props.loadBalancer)) continue;
    nlbListeners.add(l.id);
    for (const f of l.props.forward) nlbGroups.add(f.targetGroup);
    const protocol = l.props.protocol.toUpperCase();
    if (!LAYER4.has(protocol)) {
      issues.push(c.issue(l, 'error', 'nlb-listener-protocol', nlbListenerProtocolMessage(l.props.protocol)));
    } else if (protocol === 'TLS' && !l.props.certificate) {
      issues.push(c.issue(l, 'error', 'tls-listener-certificate', TLS_CERTIFICATE_MESSAGE));
    }
  }
  for (const r of c.ofKind('listenerRule')) {
    if (nlbListeners.has(r.props.listener)) issues.push(c.issue(r, 'error', 'nlb-listener-rule', NLB_RULES_MESSAGE));
  }
  for (const id of nlbGroups) {
    const tg = c.get(id, 'targetGroup');
    if (tg) issues.push(...checkLayer4Group(c, tg));
  }
  issues.push(...checkClientAddresses(c));
  return issues;
}

/**
 * An NLB preserves the client's source address: its instance targets see the clients, not the load balancer.
 * A target whose security groups admit the port only from security groups the NLB does not carry drops every
 * client connection. AWS accepts the design, so this is a warning (the simulation does not model security groups).
 */
function checkClientAddresses(c: CheckContext): DesignIssue[] {
  const issues: DesignIssue[] = [];
  for (const lb of c.ofKind('loadBalancer')) {
    if (lb.props.lbType !== 'network' || lb.props.scheme !== 'internet-facing') continue;
    const listeners = c.ofKind('listener').filter((l) => l.props.loadBalancer === lb.id);
    for (const groupId of new Set(listeners.flatMap((l) => l.props.forward.map((f) => f.targetGroup)))) {
      const tg = c.get(groupId, 'targetGroup');
      if (!tg) continue;
      const targets: { resource: Resource; groups: number[] }[] = [];
      for (const id of tg.props.targets) {
        const instance = c.get(id, 'instance');
        if (instance) targets.push({ resource: instance, groups: instance.props.securityGroups });
      }
      for (const asg of c.ofKind('autoScalingGroup').filter((g) => g.props.targetGroups.includes(groupId))) {
        const template = c.get(asg.props.launchTemplate, 'launchTemplate');
        if (template) targets.push({ resource: asg, groups: template.props.securityGroups });
      }
      for (const t of targets) {
        if (t.groups.length === 0 || admitsClients(c, t.groups, tg.props.port, lb.props.securityGroups)) continue;
        issues.push(
          c.issue(
            t.resource,
            'warning',
            'nlb-client-ip-preserved',
            `${lb.logicalId} preserves the client's IP address: its targets' security groups must allow the clients on port ${tg.props.port}, not only a security group`,
          ),
        );
      }
    }
  }
  return issues;
}

function admitsClients(c: CheckContext, groups: number[], port: number, lbGroups: number[]): boolean {
  return groups.some((g) =>
    (c.get(g, 'securityGroup')?.props.ingress ?? []).some((r) => {
      const covers = r.protocol === '-1' || (r.fromPort <= port && port <= r.toPort);
      return covers && (r.cidr !== undefined || (r.sourceGroup !== undefined && lbGroups.includes(r.sourceGroup)));
    }),
  );
}

/** A target group an NLB forwards to: layer-7 attributes are refused. */
function checkLayer4Group(c: CheckContext, tg: ResourceOfKind<'targetGroup'>): DesignIssue[] {
  const protocol = tg.props.protocol.toUpperCase();
  if (!LAYER4.has(protocol)) {
    return [c.issue(tg, 'error', 'nlb-target-group-protocol', `a Network Load Balancer forwards only to ${NLB_LISTENER_PROTOCOLS.join(', ')} target groups, not ${tg.props.protocol}`)];
  }
  const issues: DesignIssue[] = [];
  if (tg.props.algorithm !== 'round_robin') {
    issues.push(c.issue(tg, 'error', 'nlb-algorithm', algorithmMessage(tg.props.algorithm, protocol)));
  }
  // The cookie types are modelled (the ALB's); any other type (source_ip) stays in the attributes kept as written.
  const type = tg.props.stickinessType ?? keptAttribute(tg, 'TargetGroupAttributes', 'stickiness.type')?.toLowerCase();
  if (tg.props.stickiness && type !== undefined && type !== 'source_ip') {
    issues.push(c.issue(tg, 'error', 'nlb-stickiness-type', stickinessTypeMessage(type, protocol)));
  }
  return issues;
}

function keptAttribute(r: ResourceOfKind<'targetGroup'>, list: string, key: string): string | undefined {
  const entries = r.unmodelled?.[list];
  if (!Array.isArray(entries)) return undefined;
  for (const e of entries) {
    if (e && typeof e === 'object' && (e as Record<string, unknown>)['Key'] === key) {
      const v = (e as Record<string, unknown>)['Value'];
      return typeof v === 'string' ? v : undefined;
    }
  }
  return undefined;
}
