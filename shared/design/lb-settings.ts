// What each kind of load balancer takes, as one table the inspector offers from and the board's type switch is
// checked against: an ALB (HTTP/HTTPS, rules, per-request algorithms, cookie stickiness, cross-zone per target
// group), an NLB (TCP/UDP/TLS, round robin by flow hash, static IPs, cross-zone per load balancer), a GWLB (one
// all-traffic listener, GENEVE appliances) and a Classic ELB (its own listener and health check). The figures
// come from the catalogue and the checks' own constants (shared/template/checks/nlb-checks.ts, gwlb-checks.ts,
// listener-checks.ts), so the client never keeps a rule of its own.
//
// A load balancer's type is fixed in AWS: AWS::ElasticLoadBalancingV2::LoadBalancer's Type is "Update requires:
// Replacement" (CloudFormation user guide), and a Classic ELB is another resource type altogether. The board lets
// an ALB become an NLB and back in one gesture (lb-type-switch.ts carries its listeners along); a Gateway Load
// Balancer is no entry point but an appliance fleet in the traffic's path, so it neither becomes one nor is made
// from one, and a Classic ELB stays classic (migrating means a new load balancer).

import { CLASSIC_ELB } from '../catalogue/network.ts';
import { NLB_LISTENER_PROTOCOLS } from '../catalogue/network-load-balancer.ts';
import { GWLB_TARGET_PORT, GWLB_TARGET_PROTOCOL } from '../catalogue/gateway-load-balancer.ts';
import type { Refusal } from '../protocol/refusals.ts';

export type LoadBalancerType = 'application' | 'network' | 'gateway';
export type LoadBalancerFamily = LoadBalancerType | 'classic';
export type Algorithm = 'round_robin' | 'least_outstanding_requests' | 'weighted_random';
export type StickinessType = 'lb_cookie' | 'app_cookie';

export interface LoadBalancerSettings {
  family: LoadBalancerFamily;
  /** The types the board may switch it to, its own first. */
  types: LoadBalancerType[];
  /** Listener protocols AWS accepts on it (a GWLB's listener has none: it takes every packet). */
  listenerProtocols: string[];
  /** Protocols whose listener terminates TLS and needs a certificate. */
  certificateProtocols: string[];
  /** Whether its listeners may carry rules (path, host, header, method). */
  rules: boolean;
  /** Target group algorithms AWS accepts behind it. */
  algorithms: Algorithm[];
  /** Cookie stickiness types AWS accepts behind it (none: stickiness is not a cookie there). */
  stickinessTypes: StickinessType[];
  /** Where cross-zone load balancing is decided: on each target group (ALB) or the load balancer itself. */
  crossZoneOn: 'targetGroup' | 'loadBalancer';
  /** A fixed address per enabled AZ, or the Elastic IPs mapped to it (an NLB's). */
  staticAddresses: boolean;
  /** Whether its health check may name an HTTP path. */
  healthCheckPath: boolean;
  /** The one protocol and port its target group must use (a GWLB's GENEVE 6081). */
  targetProtocol?: { protocol: string; port: number };
}

/** Which of the four a load balancer is: its type, or Classic for AWS::ElasticLoadBalancing::LoadBalancer. */
export function familyOf(lbType: unknown, awsType?: string): LoadBalancerFamily {
  if (awsType === CLASSIC_ELB) return 'classic';
  return lbType === 'network' || lbType === 'gateway' ? lbType : 'application';
}

const ALGORITHMS: Algorithm[] = ['round_robin', 'least_outstanding_requests', 'weighted_random'];

const SETTINGS: Record<LoadBalancerFamily, LoadBalancerSettings> = {
  application: {
    family: 'application',
    types: ['application', 'network'],
    listenerProtocols: ['HTTP', 'HTTPS'],
    certificateProtocols: ['HTTPS'],
    rules: true,
    algorithms: ALGORITHMS,
    stickinessTypes: ['lb_cookie', 'app_cookie'],
    crossZoneOn: 'targetGroup',
    staticAddresses: false,
    healthCheckPath: true,
  },
  network: {
    family: 'network',
    types: ['network', 'application'],
    listenerProtocols: [...NLB_LISTENER_PROTOCOLS],
    certificateProtocols: ['TLS'],
    rules: false,
    algorithms: ['round_robin'],
    stickinessTypes: [],
    crossZoneOn: 'loadBalancer',
    staticAddresses: true,
    healthCheckPath: false,
  },
  gateway: {
    family: 'gateway',
    types: ['gateway'],
    listenerProtocols: [],
    certificateProtocols: [],
    rules: false,
    algorithms: ['round_robin'],
    stickinessTypes: [],
    crossZoneOn: 'loadBalancer',
    staticAddresses: false,
    healthCheckPath: false,
    targetProtocol: { protocol: GWLB_TARGET_PROTOCOL, port: GWLB_TARGET_PORT },
  },
  classic: {
    family: 'classic',
    types: ['application'],
    listenerProtocols: ['HTTP', 'HTTPS', 'TCP', 'SSL'],
    certificateProtocols: ['HTTPS', 'SSL'],
    rules: false,
    algorithms: ['round_robin'],
    stickinessTypes: [],
    crossZoneOn: 'loadBalancer',
    staticAddresses: false,
    healthCheckPath: true,
  },
};

export function loadBalancerSettings(family: LoadBalancerFamily): LoadBalancerSettings {
  return SETTINGS[family];
}

export const GWLB_TYPE_FIXED_MESSAGE =
  "a Gateway Load Balancer's type cannot change: Type requires replacement, and a GWLB is an appliance fleet in the traffic's path, not an entry point (place an Application or Network Load Balancer for that)";
export const TYPE_NOT_GWLB_MESSAGE =
  'an Application or Network Load Balancer cannot become a Gateway Load Balancer: Type requires replacement, and a GWLB is an appliance fleet reached through endpoints in the route tables';
export const CLASSIC_TYPE_FIXED_MESSAGE =
  'a Classic Load Balancer (AWS::ElasticLoadBalancing::LoadBalancer) has no type to change: moving to an Application or Network Load Balancer means creating a new one';

/** The refusal of switching a load balancer of `family` to `next`, or undefined when the board allows it. */
export function typeSwitchRefusal(family: LoadBalancerFamily, next: unknown): Refusal | undefined {
  if (SETTINGS[family].types.includes(next as LoadBalancerType)) return undefined;
  if (family === 'classic') return { code: 'design-rule', message: CLASSIC_TYPE_FIXED_MESSAGE, detail: 'classic-type-fixed' };
  if (family === 'gateway') return { code: 'design-rule', message: GWLB_TYPE_FIXED_MESSAGE, detail: 'gwlb-type-fixed' };
  return { code: 'design-rule', message: TYPE_NOT_GWLB_MESSAGE, detail: 'lb-type-not-gateway' };
}
