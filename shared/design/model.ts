// The normalized design model: what the CloudFormation loader produces, what the exporter reads back,
// what the simulation compiles, and what match intents edit.
//
// Why this shape: a design is a flat list of resources with integer ids (their index in `resources`),
// each tagged by `kind`, with references already resolved to ids. CloudFormation's logical id and stack
// are kept so that errors, the exporter and the audit log can name a resource the way its author did.
// Plain data only (JSON-serialisable): it crosses the wire, is hashed, stored and replayed.

/** Index of a resource in `Design.resources`. */
export type ResourceId = number;

/** A region code, e.g. "us-east-1" (the geography in shared/geography lists the valid ones). */
export type RegionCode = string;
/** An availability zone name, e.g. "us-east-1a". */
export type ZoneName = string;
/** A world area of users, e.g. "north-america". */
export type AreaCode = string;

/** Where a resource was drawn on the board (CloudFormation Designer keeps this in Metadata). */
export interface BoardPosition {
  x: number;
  y: number;
}

export interface Stack {
  name: string;
  region: RegionCode;
  /** Parameter values as a real stack has them (from the manifest, or the template's defaults). */
  parameters: Record<string, string>;
  /** Template parts the game does not turn into resources but must export again (Description, Outputs, …). */
  extras?: Record<string, unknown>;
  /**
   * Set on the account's own stack of a region (its default VPC, shared/account): AWS made it, no template
   * did. Templates may use its resources but not change them; it is never exported and costs nothing.
   */
  account?: true;
  /**
   * Set (with `account`) on a region's holding stack of what stacks let go of but AWS kept: resources a
   * DeletionPolicy or UpdateReplacePolicy of Retain left in the account, and DB snapshots (shared/account/
   * keep-in-account.ts). Like the default VPC it is no stack's (never exported, no template changes it);
   * unlike it, what is in it is the player's and is billed until the player deletes it.
   */
  retained?: true;
}

/** A property as the template wrote it (with intrinsics) and, in template form, the value it resolved to. */
export interface WrittenForm {
  form: unknown;
  value: unknown;
}

export interface ResourceBase<K extends string, P> {
  id: ResourceId;
  /** Index in `Design.stacks`. */
  stack: number;
  logicalId: string;
  kind: K;
  props: P;
  position?: BoardPosition;
  /** Explicit DependsOn, by id. */
  dependsOn?: ResourceId[];
  /** Properties present in the template that the game does not model: kept for export, listed as notes. */
  unmodelled?: Record<string, unknown>;
  /**
   * Resource-level template attributes the game does not model (Condition, DeletionPolicy, UpdatePolicy,
   * CreationPolicy, Metadata other than the board position, DependsOn names of resources not on the board):
   * kept so that an exported template says what the imported one said.
   */
  attributes?: Record<string, unknown>;
  /**
   * Top-level properties the template wrote through its parameters, mappings, conditions or !GetAZs, with the
   * value each gave: the exporter writes the author's form again while the model still gives that value
   * (shared/template/written-forms.ts).
   */
  written?: Record<string, WrittenForm>;
  /**
   * Top-level properties the template left out, with the value the exporter would write for each (AWS's default,
   * which the loader filled in): left out of an export again while the model still gives that value.
   */
  unwritten?: Record<string, unknown>;
  /**
   * The CloudFormation type the resource was read from when it is not the kind's usual one
   * (e.g. "AWS::AutoScaling::LaunchConfiguration" for a launchTemplate, a classic ELB for a loadBalancer).
   */
  awsType?: string;
  /**
   * Set on resources the loader derived from another one (the target group and listener it makes of a classic
   * ELB): they are exported as part of that resource, not on their own.
   */
  partOf?: ResourceId;
  /**
   * Set on a resource its stack let go of but AWS kept (DeletionPolicy or UpdateReplacePolicy Retain): the
   * stack and logical id it had. The simulation goes on running it as the same physical resource.
   */
  retainedFrom?: { stack: string; logicalId: string };
}

// ---- Networking -------------------------------------------------------------------------------------------

export type Vpc = ResourceBase<'vpc', { cidr: string }>;
export type Subnet = ResourceBase<'subnet', { vpc: ResourceId; zone: ZoneName; cidr: string; mapPublicIp: boolean }>;
export type InternetGateway = ResourceBase<'internetGateway', Record<string, never>>;
export type GatewayAttachment = ResourceBase<'gatewayAttachment', { vpc: ResourceId; gateway: ResourceId }>;
export type RouteTable = ResourceBase<'routeTable', { vpc: ResourceId }>;
export type Route = ResourceBase<
  'route',
  {
    routeTable: ResourceId;
    destination: string;
    /** Exactly one target; which one decides what the route means in the game. */
    gateway?: ResourceId;
    transitGateway?: ResourceId;
    peering?: ResourceId;
    /** NAT gateways and others the game does not model are kept as an opaque target. */
    otherTarget?: string;
  }
>;
export type SubnetRouteTableAssociation = ResourceBase<
  'subnetRouteTableAssociation',
  { subnet: ResourceId; routeTable: ResourceId }
>;
export interface SecurityRule {
  protocol: string;
  fromPort: number;
  toPort: number;
  cidr?: string;
  sourceGroup?: ResourceId;
}
/** A group without `vpc` is in its region's default VPC (a template without VpcId), as AWS places it. */
export type SecurityGroup = ResourceBase<'securityGroup', { vpc?: ResourceId; ingress: SecurityRule[] }>;
export type VpcPeering = ResourceBase<'vpcPeering', { vpc: ResourceId; peerVpc: ResourceId }>;
export type TransitGateway = ResourceBase<'transitGateway', Record<string, never>>;
export type TransitGatewayAttachment = ResourceBase<
  'transitGatewayAttachment',
  { transitGateway: ResourceId; vpc: ResourceId; subnets: ResourceId[] }
>;

// ---- Compute ----------------------------------------------------------------------------------------------

export type Instance = ResourceBase<
  'instance',
  { instanceType: string; subnet: ResourceId; securityGroups: ResourceId[] }
>;
export type LaunchTemplate = ResourceBase<'launchTemplate', { instanceType: string; securityGroups: ResourceId[] }>;
export type AutoScalingGroup = ResourceBase<
  'autoScalingGroup',
  {
    launchTemplate: ResourceId;
    subnets: ResourceId[];
    min: number;
    max: number;
    desired: number;
    targetGroups: ResourceId[];
    /** 'ELB' replaces instances that fail the load balancer's health check, 'EC2' only dead ones. */
    healthCheckType: 'EC2' | 'ELB';
    cooldownS: number;
    /** Zones given directly (AvailabilityZones, a default VPC) rather than through subnets. */
    zones?: ZoneName[];
  }
>;
export type ScalingPolicy = ResourceBase<
  'scalingPolicy',
  {
    group: ResourceId;
    policyType: 'SimpleScaling' | 'StepScaling' | 'TargetTrackingScaling';
    /** SimpleScaling/StepScaling: instances to add (negative: remove). */
    adjustment: number;
    cooldownS: number;
    /** TargetTrackingScaling: average CPU utilisation to hold, in percent. */
    targetValue?: number;
  }
>;
export type ScheduledAction = ResourceBase<
  'scheduledAction',
  {
    group: ResourceId;
    /** Simulated seconds since the scenario started (StartTime as an offset, or a cron Recurrence's first hit). */
    atS: number;
    min?: number;
    max?: number;
    desired?: number;
  }
>;

// ---- Load balancing ---------------------------------------------------------------------------------------

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

// ---- Data -------------------------------------------------------------------------------------------------

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
  }
>;
export type Bucket = ResourceBase<'bucket', { websiteHosting: boolean }>;

// ---- Edge and global --------------------------------------------------------------------------------------

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

// ---- Operations -------------------------------------------------------------------------------------------

export type Alarm = ResourceBase<
  'alarm',
  {
    metric: string;
    namespace: string;
    statistic: 'Average' | 'Sum' | 'Minimum' | 'Maximum' | 'SampleCount';
    /** The resource the alarm's dimensions name (an ASG, a load balancer, a database, …). */
    subject?: ResourceId;
    comparison:
      | 'GreaterThanThreshold'
      | 'GreaterThanOrEqualToThreshold'
      | 'LessThanThreshold'
      | 'LessThanOrEqualToThreshold';
    threshold: number;
    periodS: number;
    evaluationPeriods: number;
    /** Scaling policies (by id) and notification targets (kept as strings) fired on ALARM. */
    alarmActions: ResourceId[];
    notifications: string[];
  }
>;
export type Budget = ResourceBase<
  'budget',
  {
    name: string;
    amountUsd: number;
    notifications: { notificationType: 'ACTUAL' | 'FORECASTED'; thresholdPct: number }[];
  }
>;

export type Resource =
  | Vpc
  | Subnet
  | InternetGateway
  | GatewayAttachment
  | RouteTable
  | Route
  | SubnetRouteTableAssociation
  | SecurityGroup
  | VpcPeering
  | TransitGateway
  | TransitGatewayAttachment
  | Instance
  | LaunchTemplate
  | AutoScalingGroup
  | ScalingPolicy
  | ScheduledAction
  | LoadBalancer
  | TargetGroup
  | Listener
  | ListenerRule
  | DbSubnetGroup
  | Database
  | Bucket
  | Distribution
  | HealthCheck
  | RecordSet
  | Accelerator
  | AcceleratorListener
  | EndpointGroup
  | WebAcl
  | WebAclAssociation
  | Alarm
  | Budget;

export type ResourceKind = Resource['kind'];
export type ResourceOfKind<K extends ResourceKind> = Extract<Resource, { kind: K }>;

/** A resource the game does not model: kept for export, reported by logical id. */
export interface UnmodelledResource {
  stack: number;
  logicalId: string;
  type: string;
  body: Record<string, unknown>;
  /**
   * Why it is not on the board: a type the game does not model, a false Condition, or a modelled type whose
   * required reference (a subnet, a group, …) names nothing on the board.
   */
  reason?: 'unmodelled-type' | 'condition-false' | 'unplaceable';
}

/** A scripted player action at a simulated time (manifest `actions:`), replayed like a live intent. */
export interface TimedAction {
  atS: number;
  intent: Record<string, unknown>;
}

export interface Design {
  stacks: Stack[];
  resources: Resource[];
  unmodelled: UnmodelledResource[];
  actions: TimedAction[];
}

/** A loader finding: an error stops the design, a warning and a note do not. */
export interface DesignIssue {
  severity: 'error' | 'warning' | 'note';
  /** Stable code, e.g. "subnet-outside-vpc", "unmodelled-type", "missing-reference". */
  code: string;
  stack?: string;
  logicalId?: string;
  message: string;
}
