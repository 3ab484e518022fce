// The design model's edge and global: CloudFront, Route 53, Global Accelerator and WAF.
// Each kind's props as the loader reads them and the simulation compiles them (shared/design/model.ts re-exports them).
import type { ResourceBase, ResourceId, RegionCode, AreaCode } from '../model.ts';

export type Distribution = ResourceBase<
  'distribution',
  {
    /** Origins by resource (load balancer, bucket, instance); the first is the default behaviour's. */
    origins: ResourceId[];
    defaultTtlS: number;
    priceClass: 'PriceClass_100' | 'PriceClass_200' | 'PriceClass_All';
    webAcl?: ResourceId;
  }
>;
export type HealthCheck = ResourceBase<
  'healthCheck',
  { target?: ResourceId; protocol: string; intervalS: number; failureThreshold: number; path?: string }
>;
export type RecordSet = ResourceBase<
  'recordSet',
  {
    name: string;
    recordType: string;
    policy: 'simple' | 'weighted' | 'latency' | 'failover';
    /** Alias target or the resource the record's value points at. */
    target?: ResourceId;
    setIdentifier?: string;
    weight?: number;
    /** Latency routing: the region this record answers for. */
    region?: RegionCode;
    failover?: 'PRIMARY' | 'SECONDARY';
    healthCheck?: ResourceId;
    /** Alias records evaluate the target's health when true. */
    evaluateTargetHealth: boolean;
    ttlS: number;
  }
>;
export type Accelerator = ResourceBase<'accelerator', { enabled: boolean }>;
export type AcceleratorListener = ResourceBase<
  'acceleratorListener',
  { accelerator: ResourceId; protocol: string; ports: { from: number; to: number }[] }
>;
export type EndpointGroup = ResourceBase<
  'endpointGroup',
  {
    listener: ResourceId;
    region: RegionCode;
    endpoints: { target: ResourceId; weight: number }[];
    trafficDialPct: number;
    healthCheckIntervalS: number;
    thresholdCount: number;
  }
>;
export type WebAcl = ResourceBase<
  'webAcl',
  {
    scope: 'CLOUDFRONT' | 'REGIONAL';
    /** Requests per 5 minutes per source above which a rate-based rule blocks. */
    rateLimit?: number;
    /** World areas blocked by a geographic rule. */
    blockedAreas: AreaCode[];
  }
>;
export type WebAclAssociation = ResourceBase<'webAclAssociation', { webAcl: ResourceId; resource: ResourceId }>;
