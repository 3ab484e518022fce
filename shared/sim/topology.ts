// The compiled design: what the hot loop reads. Every component and connection gets an integer id and its
// fixed figures (from the design and the catalogue) sit in flat typed arrays; lists are stored CSR-style
// (`xStart[i]..xStart[i+1]` index into a flat `xList`). Runtime state lives in WorldState, not here:
// a topology is rebuilt from the design whenever the design changes, and carries nothing of its own.

import type { SessionStoreTopology } from './compile/session-store.ts';
import type { LogFilterTopology } from './compile/log-filters.ts';
import type { Design } from '../design/model.ts';
import type { DesignWarning } from './timeline-text.ts';
import type { GatewayFleetTopology } from './compile/gateway-fleet.ts';

export interface NetworkTopology {
  /** Per design resource: its global zone index if it is a subnet, else -1. */
  subnetZone: Int16Array;
  /** Per design resource: 1 if it is a subnet with a 0.0.0.0/0 route to an attached internet gateway. */
  subnetPublic: Uint8Array;
  /** Per design resource: the VPC index of a subnet or VPC, else -1. */
  vpcOf: Int32Array;
  vpcCount: number;
  vpcResource: Int32Array;
  vpcRegion: Int16Array;
  /**
   * vpcCount × vpcCount: 0 not connected, 1 same VPC, 2 peered, 3 through one Transit Gateway. Whether traffic
   * gets through is the route tables' decision (instRoutes); this only says a connection exists.
   */
  vpcLink: Uint8Array;
  /** Per design resource: the region index of its stack. */
  resourceRegion: Int16Array;
}

/** Gateway Load Balancers' appliance fleets and the fronts they inspect (compile/gateway-fleet.ts). */
export interface ComputeTopology extends GatewayFleetTopology {
  // Instance slots: static instances first, then each group's slots (up to its maximum size).
  instCount: number;
  instResource: Int32Array;
  instAsg: Int32Array;
  /** Slot number inside its group (0 for a static instance): runtime state is carried by it on updates. */
  instOrdinal: Int32Array;
  instCapacity: Float64Array;
  instBaseMs: Float64Array;
  instHourlyUsd: Float64Array;
  /**
   * The design's launch spec per slot (instance-types.ts index): a static instance's type, a group's launch
   * template's. instCapacity/instBaseMs/instHourlyUsd are its figures; a group slot launched under an older
   * template keeps its own in the state (WorldState.instSpec).
   */
  instType: Int16Array;
  /** Region price factor of the slot (what TYPE_HOURLY_USD is multiplied by). */
  instPriceFactor: Float64Array;
  instRegion: Int16Array;
  /** A static instance's zone; -1 for group slots (their zone is chosen at launch and kept in the state). */
  instHomeZone: Int16Array;
  instVpc: Int32Array;
  /** 1 if a static instance has a public address in a public subnet (reachable straight from the internet). */
  instPublic: Uint8Array;
  /** The database group its dynamic requests use; -1 none in the design (stateless), -2 none reachable. */
  instDbGroup: Int32Array;
  /** Target group whose health check settings the load balancers use for it, -1 if it is in none. */
  instTg: Int32Array;

  asgCount: number;
  asgResource: Int32Array;
  asgSlotStart: Int32Array;
  asgSlotCount: Int32Array;
  asgZoneStart: Int32Array;
  asgZones: Int16Array;
  asgMin: Int32Array;
  asgMax: Int32Array;
  asgDesired: Int32Array;
  asgCooldownS: Float64Array;
  asgElbHealth: Uint8Array;
  /** Index of its target tracking policy, -1 if none. */
  asgTracking: Int32Array;

  tgCount: number;
  tgResource: Int32Array;
  tgIntervalS: Int32Array;
  tgHealthy: Int32Array;
  tgUnhealthy: Int32Array;
  /** least_outstanding_requests weighs targets by capacity / response time (balancing.ts); others spread evenly. */
  tgByCapacity: Uint8Array;
  /** weighted_random with anomaly mitigation: routes away from targets with more errors than their group. */
  tgAnomalyMitigation: Uint8Array;
  /** Sticky sessions: share of users re-balanced each step (0: not sticky, every request balanced afresh). */
  tgStickyTurnover: Float64Array;
  /** CPU factor on its targets: 1.15 when an ALB re-encrypts to them (protocol HTTPS), else 1. */
  tgCpuFactor: Float64Array;

  lbCount: number;
  lbResource: Int32Array;
  lbNetwork: Uint8Array;
  /** Internet-facing with at least one public subnet: users can reach it straight from the internet. */
  lbPublic: Uint8Array;
  lbRegion: Int16Array;
  lbZoneStart: Int32Array;
  lbZones: Int16Array;
  /** 1 if any of its target groups balances across zones (what an NLB pays cross-zone transfer on). */
  lbCrossZone: Uint8Array;
  /** 1 if it sends to every target when none is healthy (ALB, NLB); a classic ELB does not (503). */
  lbFailOpen: Uint8Array;
  lbAddedMs: Float64Array;
  lbPerRequestUsd: Float64Array;
  lbCrossZonePerGbUsd: Float64Array;
  /** CPU factor on its targets: 1.15 when they terminate TLS themselves. */
  lbCpuFactor: Float64Array;
  lbWaf: Int32Array;
  /** Connections load balancer → instance slot, through a target group with its share of the listener. */
  lbEdgeStart: Int32Array;
  edgeInst: Int32Array;
  edgeTg: Int32Array;
  /** Per edge × request class: its target group's share of that class at this load balancer (listener rules). */
  edgeClassWeight: Float64Array;
  /**
   * Per load balancer: 1 when each of its edges weighs every request class alike (one default forward, no rule
   * that splits classes). The step then keeps one share per edge (balancing.ts), as cheap as before listener rules.
   */
  lbUniformClasses: Uint8Array;
  /** Per edge: lbCpuFactor × tgCpuFactor, what one unit of its requests costs its target (read per edge each step). */
  edgeCpuFactor: Float64Array;
  /** Per edge: its target group balances across zones (each node sends to every zone), else only within the node's zone. */
  edgeCrossZone: Uint8Array;
  /**
   * Per edge: 1 if the security groups forbid the load balancer to open a connection to the target on its target
   * group's port (compile/security-groups.ts): its health checks fail and the requests sent to it time out.
   */
  edgeBlocked: Uint8Array;
  /** Per instance slot: 1 if its own target group's load balancer cannot reach it (its health checks fail). */
  instCheckBlocked: Uint8Array;
}

export interface StorageTopology {
  dbCount: number;
  dbResource: Int32Array;
  dbClassDesign: Int16Array;
  dbMultiAz: Uint8Array;
  /** Source database index of a read replica, -1 for a primary. */
  dbSource: Int32Array;
  dbGroup: Int32Array;
  dbRegion: Int16Array;
  dbHomeZone: Int16Array;
  /** Zone of a Multi-AZ standby at creation, -1 without one. */
  dbStandbyHome: Int16Array;
  dbVpc: Int32Array;
  dbStorageGb: Float64Array;
  /** A replication group: a primary and its replicas (root first). */
  groupCount: number;
  /** Per database: its position in its group's member list (groupMembers). */
  dbMember: Int32Array;
  /**
   * Per instance slot: where its route bytes start (-1 without a group, or when every byte would be 1), one block of ZONE_PAIRS bytes per member
   * of its group, indexed (instance zone in region × ZONES_PER_REGION + database zone in region): 0 the route tables
   * drop the traffic, 1 same VPC or no route table involved, 2 over a peering, 3 through a Transit Gateway.
   */
  instRouteStart: Int32Array;
  instRoutes: Uint8Array;
  groupMemberStart: Int32Array;
  groupMembers: Int32Array;
  /** Catalogue classes by index (what dbClassDesign and the state's dbClass hold). */
  classNames: string[];
  classCapacity: Float64Array;
  classBaseMs: Float64Array;
  classHourlyUsd: Float64Array;

  bucketCount: number;
  bucketResource: Int32Array;
  bucketRegion: Int16Array;
}

export interface EntryTopology {
  frontCount: number;
  frontKind: Uint8Array;
  /** LB, instance slot or bucket index. */
  frontRef: Int32Array;
  frontRegion: Int16Array;
  frontPublic: Uint8Array;
  frontResource: Int32Array;

  distCount: number;
  distResource: Int32Array;
  /** Origin front, -1 when the origin is not something the game can serve from. */
  distOrigin: Int32Array;
  distStaticHit: Float64Array;
  /** Bit per area: users served from a nearby edge under the price class. */
  distAreaMask: Int32Array;
  distWaf: Int32Array;

  wafCount: number;
  wafResource: Int32Array;
  /** Requests per 5 minutes per source; 0 without a rate-based rule. */
  wafRateLimit: Float64Array;
  wafBlockedMask: Int32Array;
  wafRules: Int32Array;

  accCount: number;
  accResource: Int32Array;
  accEnabled: Uint8Array;
  accGroupStart: Int32Array;
  egRegion: Int16Array;
  egDial: Float64Array;
  egIntervalS: Int32Array;
  egThreshold: Int32Array;
  egEndpointStart: Int32Array;
  /** Per area, the accelerator's endpoint groups nearest first (AREA_COUNT × egCount, by accelerator ranges). */
  egOrder: Int32Array;
  epCount: number;
  epFront: Int32Array;
  epWeight: Float64Array;
  epGroup: Int32Array;

  hcCount: number;
  hcResource: Int32Array;
  /** Front it probes, -1 for an endpoint outside the design (always healthy). */
  hcFront: Int32Array;
  hcIntervalS: Int32Array;
  hcThreshold: Int32Array;

  /** The records of the front-door name. */
  recCount: number;
  recResource: Int32Array;
  recPolicy: number;
  recTargetKind: Uint8Array;
  recTarget: Int32Array;
  recWeight: Float64Array;
  recRegion: Int16Array;
  /** 0 none, 1 PRIMARY, 2 SECONDARY. */
  recFailover: Uint8Array;
  recHc: Int32Array;
  recEvaluate: Uint8Array;
  /** Resolvers keep an answer this long (the shortest TTL of the group). */
  dnsTtlS: number;
  dnsPerQueryUsd: number;

  entryKind: number;
  entryIndex: number;
  entryLabel: string;
}

export interface ControlTopology extends LogFilterTopology {
  alarmCount: number;
  alarmResource: Int32Array;
  alarmMetric: Int16Array;
  alarmSubject: Int32Array;
  alarmStat: Uint8Array;
  alarmCmp: Uint8Array;
  alarmThreshold: Float64Array;
  alarmPeriodSteps: Int32Array;
  alarmEvalPeriods: Int32Array;
  alarmRingStart: Int32Array;
  alarmActionStart: Int32Array;
  /** Per action: a policy index (ACT_POLICY), the alarm's instance slot (EC2 actions) or a topic index (ACT_TOPIC). */
  alarmActions: Int32Array;
  /** Per action: ACT_* of compile/control.ts. */
  alarmActionKind: Uint8Array;
  /** Per alarm: the SNS topics its OKActions and its InsufficientDataActions name (topic indices). */
  alarmOkTopics: number[][];
  alarmInsufficientTopics: number[][];
  /** SNS topics alarms notify (compile/topics.ts): "stack/logicalId", and their subscribers. */
  topicLabel: string[];
  topicSubscribers: string[][];

  policyCount: number;
  policyResource: Int32Array;
  policyAsg: Int32Array;
  /** 0 simple, 1 step, 2 target tracking. */
  policyType: Uint8Array;
  policyAdjustment: Int32Array;
  policyCooldownS: Float64Array;
  policyTarget: Float64Array;

  schedCount: number;
  schedResource: Int32Array;
  schedAsg: Int32Array;
  schedAtS: Float64Array;
  /** -1 where the action leaves the value alone. */
  schedMin: Int32Array;
  schedMax: Int32Array;
  schedDesired: Int32Array;

  budgetCount: number;
  budgetResource: Int32Array;
  budgetAmount: Float64Array;
  /** 1: a usage budget of EC2 running hours (its amount and thresholds in hours); 0: a cost budget (USD). */
  budgetUsage: Uint8Array;
  notifStart: Int32Array;
  notifForecast: Uint8Array;
  notifPct: Float64Array;
  /** Per budget notification: its EMAIL subscribers ("email:<address>") and the SNS topics it sends to. */
  notifEmails: string[][];
  notifTopics: number[][];
  /** Budget actions (budget-actions.ts): their budget, threshold and what they do. */
  bactCount: number;
  bactResource: Int32Array;
  bactBudget: Int32Array;
  bactForecast: Uint8Array;
  /** The threshold in USD of the budget's whole period (a percentage already applied to the amount). */
  bactLimitUsd: Float64Array;
  bactManual: Uint8Array;
  /** 1: stop instances (STOP_EC2_INSTANCES); 0: apply an IAM policy. */
  bactStops: Uint8Array;
  /** Static instance slots each action stops: bactInst[bactInstStart[a] … bactInstStart[a + 1]). */
  bactInstStart: Int32Array;
  bactInst: Int32Array;
  /** APPLY_IAM_POLICY: the policy ARN and the IAM users it is attached to. */
  bactPolicy: string[];
  bactUsers: string[][];

  /** Hourly cost of everything billed by the hour except instances and database instances. */
  fixedHourlyUsd: number;
  /** The same per bill cell (service × region, bill.ts). */
  fixedHourlyByCell: Float64Array;
  /** Per web ACL: the region slot its per-request charges are billed to. */
  wafSlot: Int16Array;
}

export interface Topology extends NetworkTopology, ComputeTopology, StorageTopology, EntryTopology, ControlTopology, SessionStoreTopology {
  design: Design;
  /** Per design resource: 1 if deleted at run time (left out of this compilation). */
  removed: Uint8Array;
  /** Per design resource: "stack/logicalId", how messages name it. */
  labels: string[];
  /** Per design resource: "stack\u0000logicalId", how updates match resources. */
  keys: string[];
  warnings: DesignWarning[];
}
