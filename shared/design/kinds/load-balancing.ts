// The design model's load balancing: load balancers, target groups, listeners and their rules.
// Each kind's props as the loader reads them and the simulation compiles them (shared/design/model.ts re-exports them).
import type { ResourceBase, ResourceId, ZoneName } from '../model.ts';

export interface HealthCheckSettings {
  intervalS: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  path?: string;
}
export type LoadBalancer = ResourceBase<
  'loadBalancer',
  {
    lbType: 'application' | 'network';
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
    stickiness: boolean;
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
    /** HTTPS/TLS listeners terminate TLS on the load balancer (offloads the back end). */
    certificate?: string;
  }
>;
export type ListenerRule = ResourceBase<
  'listenerRule',
  { listener: ResourceId; priority: number; pathPatterns: string[]; forward: { targetGroup: ResourceId; weight: number }[] }
>;
