// The design model's load balancing: load balancers, target groups, listeners and their rules.
// Each kind's props as the loader reads them and the simulation compiles them (shared/design/model.ts re-exports them).
import type { ResourceBase, ResourceId, ZoneName } from '../model.ts';

export interface HealthCheckSettings {
  intervalS: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  /** HealthCheckPath (AWS's default '/'): a path the application does not serve answers 404 and fails the check. */
  path?: string;
  /** Matcher.HttpCode: the answers that pass ("200", "200,302", "200-399"); absent, AWS's default 200. */
  matcher?: string;
}
export type LoadBalancer = ResourceBase<
  'loadBalancer',
  {
    /** 'gateway': a Gateway Load Balancer, an appliance fleet traffic passes through (not an entry point). */
    lbType: 'application' | 'network' | 'gateway';
    scheme: 'internet-facing' | 'internal';
    /** The subnets the load balancer has nodes in: their zones are its enabled AZs. */
    subnets: ResourceId[];
    crossZone: boolean;
    securityGroups: ResourceId[];
    /** Zones enabled directly (a classic ELB's AvailabilityZones) rather than through subnets. */
    zones?: ZoneName[];
    /**
     * Elastic IPs an NLB maps to its subnets (SubnetMappings with an AllocationId): its fixed addresses,
     * billed as public IPv4 (catalogue.networkLoadBalancer.publicIpv4HourlyUsd).
     */
    elasticIps?: number;
  }
>;
export type TargetGroup = ResourceBase<
  'targetGroup',
  {
    protocol: string;
    port: number;
    vpc?: ResourceId;
    /** Registered instances (Auto Scaling groups register theirs through `targetGroups`). */
    targets: ResourceId[];
    healthCheck: HealthCheckSettings;
    algorithm: 'round_robin' | 'least_outstanding_requests' | 'weighted_random';
    /** load_balancing.algorithm.anomaly_mitigation: weighted random routes away from targets with more errors. */
    anomalyMitigation?: boolean;
    stickiness: boolean;
    /** stickiness.type (lb_cookie, the default, or app_cookie) and that cookie's duration_seconds. */
    stickinessType?: 'lb_cookie' | 'app_cookie';
    stickinessDurationS?: number;
    /**
     * The target group's own cross-zone setting (attribute load_balancing.cross_zone.enabled); absent, it uses
     * the load balancer's (use_load_balancer_configuration): always on for an ALB, the LB's attribute for an NLB.
     */
    crossZone?: boolean;
  }
>;
export type Listener = ResourceBase<
  'listener',
  {
    loadBalancer: ResourceId;
    port: number;
    protocol: string;
    /** Forward action: one or more weighted target groups. */
    forward: { targetGroup: ResourceId; weight: number }[];
    /**
     * An HTTPS (or TLS) listener's certificate: with it the load balancer terminates TLS, so its targets do
     * not (unless their target group's protocol is HTTPS, which encrypts again). AWS refuses HTTPS without one.
     */
    certificate?: string;
    /**
     * Written with neither Protocol nor Port, as a Gateway Load Balancer's listener must be (it takes every IP
     * packet on every port); `port` and `protocol` then hold the board's defaults and are not exported.
     */
    allTraffic?: true;
  }
>;
/** An http-header condition: the header's name and the values (wildcards * and ?) any of which matches. */
export interface HeaderCondition {
  name: string;
  values: string[];
}
export type ListenerRule = ResourceBase<
  'listenerRule',
  {
    listener: ResourceId;
    priority: number;
    /** Conditions (all must match; within one, any value): path-pattern, host-header, http-request-method, http-header. */
    pathPatterns: string[];
    hostHeaders?: string[];
    httpMethods?: string[];
    httpHeaders?: HeaderCondition[];
    forward: { targetGroup: ResourceId; weight: number }[];
  }
>;
