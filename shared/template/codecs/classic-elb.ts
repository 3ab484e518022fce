// The classic ELB (AWS::ElasticLoadBalancing::LoadBalancer) is shown on the board as what it behaves like:
// an application load balancer with one target group (its Instances and health check) and one listener
// (its first Listeners entry). The three are exported together as the one classic resource again.

import type { HealthCheckSettings, Resource, ResourceOfKind } from '../../design/model.ts';
import { codec, defined } from '../codec.ts';
import { defaultSubnetsOf, onlyDefaultSubnetsOf } from '../default-vpc-placement.ts';

/** The classic ELB's own defaults (they differ from a target group's). */
const CLASSIC_HEALTH: HealthCheckSettings = { intervalS: 30, healthyThreshold: 10, unhealthyThreshold: 2 };
const HEALTH_TIMEOUT_S = 5;

export const classicLoadBalancerCodec = codec({
  kind: 'loadBalancer',
  awsType: 'AWS::ElasticLoadBalancing::LoadBalancer',
  defaulted: ['Scheme', 'CrossZone'],
  usual: false,
  derives: [
    { kind: 'targetGroup', suffix: 'Targets' },
    { kind: 'listener', suffix: 'Listener' },
  ],
  indexed: ['Listeners'],
  read: (p) => {
    const scheme = p.choice('Scheme', ['internet-facing', 'internal'] as const, 'internet-facing');
    const zones = p.zones('AvailabilityZones');
    // A classic ELB given zones has its nodes in those zones' default subnets (EC2-VPC's default VPC).
    const subnets = p.has('Subnets')
      ? p.refs('Subnets', ['subnet'])
      : zones === undefined
        ? []
        : defaultSubnetsOf(p, zones, 'the load balancer names AvailabilityZones and no Subnets');
    if (subnets === undefined) return undefined;
    const crossZone = p.flag('CrossZone', false);
    const securityGroups = p.refs('SecurityGroups', ['securityGroup']);
    const targets = p.refs('Instances', ['instance']);

    const listeners = p.elements('Listeners');
    const first = listeners[0]?.reader;
    const port = first?.number('LoadBalancerPort', 80) ?? 80;
    const protocol = first?.text('Protocol', 'HTTP') ?? 'HTTP';
    const instancePort = first?.number('InstancePort', port) ?? port;
    const instanceProtocol = first?.text('InstanceProtocol', protocol) ?? protocol;
    const certificate = first?.optionalText('SSLCertificateId');
    if (listeners.length > 0) p.finishList('Listeners', first ? [first] : [], listeners.slice(first ? 1 : 0).map((l) => l.raw), 'indexed');

    const health = p.child('HealthCheck');
    const target = parseHealthTarget(String(health.peek('Target') ?? ''));
    if (target.protocol === instanceProtocol && target.port === instancePort) health.value('Target');
    const healthCheck: HealthCheckSettings = {
      intervalS: health.number('Interval', CLASSIC_HEALTH.intervalS),
      healthyThreshold: health.number('HealthyThreshold', CLASSIC_HEALTH.healthyThreshold),
      unhealthyThreshold: health.number('UnhealthyThreshold', CLASSIC_HEALTH.unhealthyThreshold),
    };
    if (target.path !== undefined) healthCheck.path = target.path;
    health.expect('Timeout', HEALTH_TIMEOUT_S);
    // Stickiness policies stay as written; their presence is what the board's stickiness shows.
    const stickiness = ['LBCookieStickinessPolicy', 'AppCookieStickinessPolicy'].some((k) => {
      const v = p.peek(k);
      return Array.isArray(v) && v.length > 0;
    });

    const self = p.env.selfId;
    const group: ResourceOfKind<'targetGroup'>['props'] = {
      protocol: instanceProtocol,
      port: instancePort,
      targets,
      healthCheck,
      algorithm: 'round_robin',
      stickiness,
    };
    const listener: ResourceOfKind<'listener'>['props'] = { loadBalancer: self, port, protocol, forward: [{ targetGroup: self + 1, weight: 1 }] };
    if (certificate !== undefined) listener.certificate = certificate;
    p.env.emitDerived([group, listener]);
    p.env.report(
      'note',
      'classic-elb-mapped',
      `a classic ELB: shown as an application load balancer with target group ${p.env.logicalId}Targets and listener ${p.env.logicalId}Listener`,
    );
    const props = { lbType: 'application' as const, scheme, subnets, crossZone, securityGroups };
    return zones === undefined ? props : { ...props, zones };
  },
  write: (props, w) => {
    const derived = w.derived();
    const group = derived.find((r): r is ResourceOfKind<'targetGroup'> => r.kind === 'targetGroup');
    const listener = derived.find((r): r is ResourceOfKind<'listener'> => r.kind === 'listener');
    return defined({
      Scheme: props.scheme,
      Subnets: props.subnets.length === 0 || onlyDefaultSubnetsOf(w, props.subnets, props.zones, 'Subnets') ? undefined : props.subnets.map(w.ref),
      AvailabilityZones: props.zones,
      CrossZone: props.crossZone,
      SecurityGroups: props.securityGroups.length === 0 ? undefined : props.securityGroups.map(w.ref),
      Instances: group && group.props.targets.length > 0 ? group.props.targets.map(w.ref) : undefined,
      Listeners: listener ? [writeListener(listener, group)] : undefined,
      HealthCheck: group ? writeHealth(group) : undefined,
    });
  },
});

function writeListener(listener: ResourceOfKind<'listener'>, group: Resource | undefined): Record<string, unknown> {
  const instance = group?.kind === 'targetGroup' ? group.props : undefined;
  return defined({
    LoadBalancerPort: listener.props.port,
    InstancePort: instance?.port ?? listener.props.port,
    Protocol: listener.props.protocol,
    InstanceProtocol: instance && instance.protocol !== listener.props.protocol ? instance.protocol : undefined,
    SSLCertificateId: listener.props.certificate,
  });
}

function writeHealth(group: ResourceOfKind<'targetGroup'>): Record<string, unknown> {
  const h = group.props.healthCheck;
  return {
    Target: `${group.props.protocol}:${group.props.port}${h.path ?? ''}`,
    Interval: h.intervalS,
    HealthyThreshold: h.healthyThreshold,
    UnhealthyThreshold: h.unhealthyThreshold,
    Timeout: HEALTH_TIMEOUT_S,
  };
}

/** "HTTP:80/index.html" → HTTP, 80, "/index.html"; "TCP:443" → TCP, 443. */
function parseHealthTarget(text: string): { protocol?: string; port?: number; path?: string } {
  const match = /^([A-Za-z]+):(\d+)(\/.*)?$/.exec(text);
  if (!match) return {};
  const out: { protocol?: string; port?: number; path?: string } = { protocol: match[1]!, port: Number(match[2]) };
  if (match[3] !== undefined) out.path = match[3];
  return out;
}
