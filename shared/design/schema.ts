import { z } from 'zod';
import type { Design, Resource, ResourceKind } from './model.ts';
import { USAGE_TYPE_GROUPS } from './kinds/operations.ts';

// The design model as a zod schema: used where a design arrives from outside the rules (a checkpoint
// restored from disk, a fuzz test's "is the state still valid?") and by edit intents to check the properties
// of one kind. The `satisfies` checks at the bottom keep it in step with model.ts at compile time.

const id = z.number().int().min(0);
const ids = z.array(id);
const count = z.number().int().min(0);
const seconds = z.number().min(0);
const text = z.string().max(256);
const securityRule = z.object({ protocol: text, fromPort: z.number(), toPort: z.number(), cidr: text.optional(), sourceGroup: id.optional(), sourceLoadBalancer: id.optional() });

const healthCheck = z.object({
  intervalS: seconds,
  healthyThreshold: count,
  unhealthyThreshold: count,
  path: text.optional(),
  matcher: text.optional(),
});
const forward = z.array(z.object({ targetGroup: id, weight: z.number().min(0) }));
const empty = z.object({}).strict();

/** Properties of each kind, by kind. */
export const PROPS_SCHEMAS = {
  vpc: z.object({ cidr: text }),
  subnet: z.object({ vpc: id, zone: text, cidr: text, mapPublicIp: z.boolean() }),
  internetGateway: empty,
  gatewayAttachment: z.object({ vpc: id, gateway: id }),
  routeTable: z.object({ vpc: id }),
  route: z.object({
    routeTable: id,
    destination: text,
    gateway: id.optional(),
    transitGateway: id.optional(),
    peering: id.optional(),
    otherTarget: text.optional(),
  }),
  subnetRouteTableAssociation: z.object({ subnet: id, routeTable: id }),
  securityGroup: z.object({
    vpc: id.optional(),
    ingress: z.array(securityRule),
    egress: z.array(securityRule).optional(),
  }),
  vpcPeering: z.object({ vpc: id, peerVpc: id }),
  transitGateway: empty,
  transitGatewayAttachment: z.object({ transitGateway: id, vpc: id, subnets: ids }),
  customerGateway: z.object({ ipAddress: text, bgpAsn: z.number() }),
  vpnGateway: empty,
  vpnConnection: z.object({ customerGateway: id, vpnGateway: id.optional(), transitGateway: id.optional(), staticRoutesOnly: z.boolean() }),
  vpnGatewayRoutePropagation: z.object({ vpnGateway: id, routeTables: ids }),
  networkAcl: z.object({ vpc: id }),
  networkAclEntry: z.object({
    networkAcl: id,
    ruleNumber: z.number().int().min(1).max(32766),
    protocol: text,
    action: z.enum(['allow', 'deny']),
    egress: z.boolean(),
    cidr: text,
    fromPort: z.number().int().min(-1).max(65535).optional(),
    toPort: z.number().int().min(-1).max(65535).optional(),
  }),
  subnetNetworkAclAssociation: z.object({ subnet: id, networkAcl: id }),
  flowLog: z.object({
    resourceType: z.enum(['VPC', 'Subnet', 'NetworkInterface']),
    resource: id,
    trafficType: z.enum(['ACCEPT', 'REJECT', 'ALL']),
    destinationType: z.enum(['cloud-watch-logs', 's3']),
    destination: text.optional(),
    logGroupName: text.optional(),
    aggregationS: z.union([z.literal(60), z.literal(600)]),
  }),
  instance: z.object({ instanceType: text, subnet: id, securityGroups: ids }),
  launchTemplate: z.object({ instanceType: text, securityGroups: ids }),
  autoScalingGroup: z.object({
    launchTemplate: id,
    subnets: ids,
    min: count,
    max: count,
    desired: count,
    targetGroups: ids,
    healthCheckType: z.enum(['EC2', 'ELB']),
    cooldownS: seconds,
    zones: z.array(text).optional(),
    instanceType: text.optional(),
  }),
  scalingPolicy: z.object({
    group: id,
    policyType: z.enum(['SimpleScaling', 'StepScaling', 'TargetTrackingScaling']),
    adjustment: z.number().int(),
    cooldownS: seconds,
    targetValue: z.number().optional(),
  }),
  scheduledAction: z.object({
    group: id,
    atS: seconds,
    min: count.optional(),
    max: count.optional(),
    desired: count.optional(),
  }),
  loadBalancer: z.object({
    lbType: z.enum(['application', 'network', 'gateway']),
    scheme: z.enum(['internet-facing', 'internal']),
    subnets: ids,
    crossZone: z.boolean(),
    securityGroups: ids,
    zones: z.array(text).optional(),
    elasticIps: z.number().int().nonnegative().optional(),
  }),
  targetGroup: z.object({
    protocol: text,
    port: z.number().int(),
    vpc: id.optional(),
    targets: ids,
    healthCheck,
    algorithm: z.enum(['round_robin', 'least_outstanding_requests', 'weighted_random']),
    anomalyMitigation: z.boolean().optional(),
    stickiness: z.boolean(),
    stickinessType: z.enum(['lb_cookie', 'app_cookie']).optional(),
    stickinessDurationS: z.number().int().min(1).max(604800).optional(),
    crossZone: z.boolean().optional(),
  }),
  listener: z.object({
    loadBalancer: id,
    port: z.number().int(),
    protocol: text,
    forward,
    certificate: text.optional(),
    allTraffic: z.literal(true).optional(),
  }),
  listenerRule: z.object({
    listener: id,
    priority: z.number().int(),
    pathPatterns: z.array(text),
    hostHeaders: z.array(text).optional(),
    httpMethods: z.array(text).optional(),
    httpHeaders: z.array(z.object({ name: text, values: z.array(text) })).optional(),
    forward,
  }),
  dbSubnetGroup: z.object({ subnets: ids }),
  database: z.object({
    engine: text,
    instanceClass: text,
    multiAz: z.boolean(),
    source: id.optional(),
    subnetGroup: id.optional(),
    zone: text.optional(),
    storageGb: z.number().min(0),
    securityGroups: ids.optional(),
  }),
  bucket: z.object({ websiteHosting: z.boolean() }),
  distribution: z.object({
    origins: ids,
    defaultTtlS: seconds,
    priceClass: z.enum(['PriceClass_100', 'PriceClass_200', 'PriceClass_All']),
    webAcl: id.optional(),
  }),
  healthCheck: z.object({
    target: id.optional(),
    protocol: text,
    intervalS: seconds,
    failureThreshold: count,
    path: text.optional(),
  }),
  recordSet: z.object({
    name: text,
    recordType: text,
    policy: z.enum(['simple', 'weighted', 'latency', 'failover']),
    target: id.optional(),
    setIdentifier: text.optional(),
    weight: z.number().min(0).optional(),
    region: text.optional(),
    failover: z.enum(['PRIMARY', 'SECONDARY']).optional(),
    healthCheck: id.optional(),
    evaluateTargetHealth: z.boolean(),
    ttlS: seconds,
  }),
  accelerator: z.object({ enabled: z.boolean() }),
  acceleratorListener: z.object({
    accelerator: id,
    protocol: text,
    ports: z.array(z.object({ from: z.number().int(), to: z.number().int() })),
  }),
  endpointGroup: z.object({
    listener: id,
    region: text,
    endpoints: z.array(z.object({ target: id, weight: z.number().min(0) })),
    trafficDialPct: z.number().min(0).max(100),
    healthCheckIntervalS: seconds,
    thresholdCount: count,
  }),
  webAcl: z.object({
    scope: z.enum(['CLOUDFRONT', 'REGIONAL']),
    rateLimit: z.number().min(0).optional(),
    blockedAreas: z.array(text),
  }),
  webAclAssociation: z.object({ webAcl: id, resource: id }),
  alarm: z.object({
    metric: text,
    namespace: text,
    statistic: z.enum(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount']),
    subject: id.optional(),
    comparison: z.enum([
      'GreaterThanThreshold',
      'GreaterThanOrEqualToThreshold',
      'LessThanThreshold',
      'LessThanOrEqualToThreshold',
    ]),
    threshold: z.number(),
    periodS: seconds,
    evaluationPeriods: count,
    alarmActions: ids,
    notifications: z.array(text),
    okActions: z.array(text).optional(),
    insufficientDataActions: z.array(text).optional(),
  }),
  budget: z.object({
    name: text,
    amountUsd: z.number().min(0),
    usageTypeGroup: z.enum(USAGE_TYPE_GROUPS).optional(),
    notifications: z.array(
      z.object({
        notificationType: z.enum(['ACTUAL', 'FORECASTED']),
        thresholdPct: z.number().min(0),
        subscribers: z.array(z.object({ type: z.enum(['SNS', 'EMAIL']), address: text })).optional(),
      }),
    ),
  }),
  budgetAction: z.object({
    budget: id,
    notificationType: z.enum(['ACTUAL', 'FORECASTED']),
    thresholdType: z.enum(['PERCENTAGE', 'ABSOLUTE_VALUE']),
    threshold: z.number().min(0),
    approval: z.enum(['AUTOMATIC', 'MANUAL']),
    actionType: z.enum(['APPLY_IAM_POLICY', 'RUN_SSM_DOCUMENTS']),
    policyArn: z.string(),
    users: z.array(text),
    groups: z.array(text),
    roles: z.array(text),
    region: z.string(),
    instances: ids,
  }),
  trail: z.object({
    name: text,
    bucket: id,
    isLogging: z.boolean(),
    multiRegion: z.boolean(),
    eventSelectors: z.array(
      z.object({
        readWriteType: z.enum(['All', 'ReadOnly', 'WriteOnly']),
        includeManagementEvents: z.boolean(),
        dataResources: z.array(z.object({ type: text, values: z.array(text) })),
      }),
    ),
  }),
  dashboard: z.object({
    name: text.optional(),
    widgets: z.array(
      z.object({
        type: text,
        x: z.number().int().min(0).max(1000).optional(),
        y: z.number().int().min(0).max(10_000).optional(),
        width: z.number().int().min(1).max(24),
        height: z.number().int().min(1).max(1000),
        title: text.optional(),
        view: text.optional(),
        stat: text.optional(),
        period: z.number().int().min(1).optional(),
        region: text.optional(),
        markdown: z.string().max(10_000).optional(),
        other: z.record(z.string(), z.unknown()).optional(),
      }),
    ).max(500),
    metrics: z.array(
      z.object({
        widget: count,
        namespace: text,
        metric: text,
        dimensions: z.array(z.object({ name: text, value: z.string().max(1024).optional() })).max(30),
        subject: id.optional(),
        options: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
    alarms: z.array(z.object({ widget: count, alarm: id.optional(), arn: z.string().max(1600).optional() })),
    other: z.record(z.string(), z.unknown()).optional(),
    source: z.object({ form: z.unknown(), key: text }).optional(),
  }),
  logGroup: z.object({ name: z.string().min(1).max(512), retentionDays: z.number().int().positive().optional() }),
  metricFilter: z.object({
    logGroup: id.optional(),
    logGroupName: z.string().max(512).optional(),
    filterPattern: z.string().max(1024),
    metricNamespace: text,
    metricName: text,
    metricValue: z.number(),
    defaultValue: z.number().optional(),
    unit: text.optional(),
  }),
} satisfies Record<ResourceKind, z.ZodType>;

const base = {
  id,
  stack: count,
  logicalId: z.string().regex(/^[A-Za-z0-9]{1,255}$/),
  position: z.object({ x: z.number(), y: z.number() }).optional(),
  dependsOn: ids.optional(),
  unmodelled: z.record(z.string(), z.unknown()).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  written: z.record(z.string(), z.object({ form: z.unknown(), value: z.unknown() })).optional(),
  unwritten: z.record(z.string(), z.unknown()).optional(),
  awsType: text.optional(),
  partOf: id.optional(),
  generation: z.number().int().min(1).optional(),
  retainedFrom: z.object({ stack: z.string().max(256), logicalId: z.string().max(256) }).optional(),
};

type PropsSchemas = typeof PROPS_SCHEMAS;
type ResourceSchemaOf<K extends ResourceKind> = z.ZodObject<
  typeof base & { kind: z.ZodLiteral<K>; props: PropsSchemas[K] }
>;

function resourceSchemaOf<K extends ResourceKind>(kind: K): ResourceSchemaOf<K> {
  return z.object({ ...base, kind: z.literal(kind), props: PROPS_SCHEMAS[kind] }) as unknown as ResourceSchemaOf<K>;
}

const KINDS = Object.keys(PROPS_SCHEMAS) as ResourceKind[];

export const resourceSchema = z.discriminatedUnion(
  'kind',
  KINDS.map((kind) => resourceSchemaOf(kind)) as unknown as [
    { [K in ResourceKind]: ResourceSchemaOf<K> }[ResourceKind],
    ...{ [K in ResourceKind]: ResourceSchemaOf<K> }[ResourceKind][],
  ],
);

export const designSchema = z.object({
  stacks: z.array(
    z.object({
      name: z.string().min(1).max(128),
      region: text,
      parameters: z.record(z.string(), z.string()),
      extras: z.record(z.string(), z.unknown()).optional(),
      account: z.literal(true).optional(),
      retained: z.literal(true).optional(),
    }),
  ),
  resources: z.array(resourceSchema),
  unmodelled: z.array(
    z.object({
      stack: count,
      logicalId: z.string(),
      type: z.string(),
      body: z.record(z.string(), z.unknown()),
      reason: z.enum(['unmodelled-type', 'condition-false', 'unplaceable']).optional(),
    }),
  ),
  actions: z.array(z.object({ atS: seconds, intent: z.record(z.string(), z.unknown()) })),
});

/** Checks that a value is a well-formed design whose ids are the resources' own positions. */
export function checkDesignShape(value: unknown): { ok: true; design: Design } | { ok: false; message: string } {
  const parsed = designSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid design'}` };
  }
  const design = parsed.data as unknown as Design;
  const misplaced = design.resources.findIndex((r, index) => r.id !== index);
  if (misplaced >= 0) return { ok: false, message: `resources.${misplaced}: id must equal its position` };
  const badStack = design.resources.find((r) => r.stack >= design.stacks.length);
  if (badStack) return { ok: false, message: `${badStack.logicalId}: stack ${badStack.stack} does not exist` };
  return { ok: true, design };
}

// Compile-time agreement with the model, kind by kind: a parsed resource is a model Resource and vice versa.
// If model.ts changes and this file does not, `npm run typecheck` fails on the line below.
type Parsed = z.infer<typeof resourceSchema>;
type Mismatched = {
  [K in ResourceKind]: [Extract<Parsed, { kind: K }>] extends [Extract<Resource, { kind: K }>]
    ? [Extract<Resource, { kind: K }>] extends [Extract<Parsed, { kind: K }>]
      ? never
      : K
    : K;
}[ResourceKind];
export const SCHEMA_MATCHES_MODEL: [Mismatched] extends [never] ? true : Mismatched = true;
