// The design model's data: databases, their subnet groups, and buckets.
// Each kind's props as the loader reads them and the simulation compiles them (shared/design/model.ts re-exports them).
import type { ResourceBase, ResourceId, ZoneName } from '../model.ts';

export type DbSubnetGroup = ResourceBase<'dbSubnetGroup', { subnets: ResourceId[] }>;
export type Database = ResourceBase<
  'database',
  {
    engine: string;
    instanceClass: string;
    multiAz: boolean;
    /** A read replica names its source; the primary has none. */
    source?: ResourceId;
    subnetGroup?: ResourceId;
    /** Preferred zone of the primary (AvailabilityZone), else the first subnet's zone. */
    zone?: ZoneName;
    storageGb: number;
    /** VPCSecurityGroups; absent or empty: the VPC's default group (compile/security-groups.ts). */
    securityGroups?: ResourceId[];
  }
>;
export type Bucket = ResourceBase<'bucket', { websiteHosting: boolean }>;
