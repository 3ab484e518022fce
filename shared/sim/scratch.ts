// Working arrays of one step: filled and read inside step(), never carried from one step to the next
// (so they are not part of the state, the hash or a snapshot). Allocated once per topology so the step
// allocates nothing.

import { BILL_CELLS, BILL_LINES } from './bill.ts';
import { BUCKET_COUNT } from './latency.ts';
import { LINE_KINDS } from '../catalogue/app-logs.ts';
import { AREA_COUNT, CLASS_COUNT, LANE_COUNT, REGION_COUNT, ZONE_COUNT } from './constants.ts';
import type { Topology } from './topology.ts';

export interface Scratch {
  /** Requests per second per area × class this step. */
  demand: Float64Array;
  /** Per area: traffic multiplier of active spikes; flood rps; requests per 5 min per flooding source. */
  spike: Float64Array;
  floodRps: Float64Array;
  floodPerSource: Float64Array;
  /** Per region: round-trip time added and share of packets lost on paths to other regions. */
  regionExtraMs: Float64Array;
  regionLoss: Float64Array;
  /** Per line of the bill (M_* indices): price multiplier of active price changes. */
  priceFactor: Float64Array;
  zoneNext: Uint8Array;
  regionNext: Uint8Array;

  /** Per front × lane: offered rps and rps × upstream latency. */
  laneFlow: Float64Array;
  laneLat: Float64Array;
  /** Per front × class: rps that reached it over the internet (pays egress), Σ rps × CDN price, Σ rps × GA premium. */
  viaInternet: Float64Array;
  viaEdgePrice: Float64Array;
  viaPremium: Float64Array;
  frontServing: Uint8Array;
  /** Per target group: 1 if its health checks probe this step. */
  tgProbing: Uint8Array;
  /** Per target group: 1 if its health check passes on a running instance (health-check-path.ts); worked out once. */
  tgCheckPass: Uint8Array;
  tgCheckKnown: Uint8Array;
  /** [0]: 1 if any zone is dark this step (set by node-addresses.ts noteStaleNodes at the start of routing). */
  anyZoneDark: Uint8Array;
  frontHealthyView: Uint8Array;
  flows: Float64Array;

  /** Per edge: its target's share of its target group this step (algorithm, anomaly mitigation, stickiness). */
  edgeShare: Float64Array;
  /** Per edge × class: the share of the load balancer's requests of that class its target gets. */
  edgeClassShare: Float64Array;
  /** Per class: the weight of the live target groups that class is forwarded to (one load balancer at a time). */
  classLive: Float64Array;
  /** Zone slot (index in the load balancer's zone list) of each edge's target this step, -1 not enabled or dark. */
  edgeSlot: Int8Array;
  /** Per front × class: rps offered after WAF (sum of its lanes). */
  frontTotals: Float64Array;
  /** Per instance slot × class: share served, share shed (overload), mean latency of the served ones. */
  instSucc: Float64Array;
  /** Per instance, with scenario sessions: the share of its session requests that fail this step (sessions.ts). */
  instSessionFail: Float64Array;
  instShed: Float64Array;
  instLat: Float64Array;
  instOffered: Float64Array;
  instUnits: Float64Array;
  /** Per instance slot: the share (0–1) of its offered load it served this step — a share, not a rate. */
  instServed: Float64Array;
  /** Per instance slot: requests per second it served this step (all classes, before the database's say). */
  instRps: Float64Array;
  /** Per instance slot: its own service latency this step (base × queueing factor), in ms. */
  instLatMs: Float64Array;
  /** Per instance slot: calls per second to a slowing dependency (first attempts) and the share of attempts that fail (dependency.ts). */
  instDepCalls: Float64Array;
  instDepFail: Float64Array;
  /** Per region × line kind (catalogue/app-logs.ts): the application's log lines this step (app-logs.ts). */
  appLog: Float64Array;
  /** Per custom metric of the metric filters: this step's datapoint, and whether one was published. */
  logMetricValue: Float64Array;
  logMetricPresent: Uint8Array;

  groupWriter: Int32Array;
  groupReader: Int32Array;
  dbQueries: Float64Array;
  dbOk: Float64Array;
  dbQueryMs: Float64Array;

  /** Per zone slot of a front (≤ 3) × class: Σ share × success, Σ share × shed, Σ share × success × latency. */
  zoneServed: Float64Array;
  zoneShed: Float64Array;
  zoneLat: Float64Array;
  /** Per class of the front being completed: zones merged (1) or not, their served share, their mean latency. */
  classMerged: Uint8Array;
  classServed: Float64Array;
  classMs: Float64Array;

  /** Per load balancer, CloudWatch-style for the step: requests and errors are counts over the step (÷ STEP_SECONDS for a rate), latency the served mean in ms. */
  lbRequests: Float64Array;
  lbErrors: Float64Array;
  lbLatencyMs: Float64Array;
  lbHealthy: Float64Array;
  lbUnhealthy: Float64Array;
  /** Per distribution: requests, edge hits and failed misses per second this step. */
  distRequests: Float64Array;
  distHits: Float64Array;
  distErrors: Float64Array;

  stepHist: Float64Array;
  spread: Float64Array;
  /** p50, p95, p99 of the step and the share of its requests within the latency objective. */
  latency: Float64Array;
  /** Money of this step by service (indices as the T_COST_* tally entries minus T_COST_COMPUTE). */
  stepCost: Float64Array;
  /** This step's charges by line of the bill × bill cell (bill.ts), before price changes. */
  stepBill: Float64Array;
  /** Requests per second this step, by the C_* indices below. */
  stepCounts: Float64Array;
  /** The DNS answer being computed for one area (compared with the cached one). */
  dnsNext: Float64Array;
}

// Indices into stepCounts.
export const C_OFFERED = 0;
export const C_SERVED = 1;
export const C_FAILED = 2;
export const C_SHED = 3;
export const C_FLOOD_OFFERED = 4;
export const C_FLOOD_DROPPED = 5;
export const C_FLOOD_SERVED = 6;
export const C_FLOOD_REJECTED = 7;
export const C_BLOCKED = 8;
export const C_EDGE_HITS = 9;
export const C_EDGE_REQUESTS = 10;
/** User requests a Gateway Load Balancer's appliances passed on to the application (gateway-inspection.ts). */
export const C_INSPECTED = 11;
const COUNT_SIZE = 12;

// Indices into stepCost.
export const M_COMPUTE = 0;
export const M_DATABASE = 1;
export const M_BALANCING = 2;
export const M_TRANSFER = 3;
export const M_EDGE = 4;
export const M_OTHER = 5;

export function allocateScratch(topo: Topology): Scratch {
  const f = topo.frontCount;
  return {
    demand: new Float64Array(AREA_COUNT * CLASS_COUNT),
    spike: new Float64Array(AREA_COUNT),
    floodRps: new Float64Array(AREA_COUNT),
    floodPerSource: new Float64Array(AREA_COUNT),
    regionExtraMs: new Float64Array(REGION_COUNT),
    regionLoss: new Float64Array(REGION_COUNT),
    priceFactor: new Float64Array(6).fill(1),
    zoneNext: new Uint8Array(ZONE_COUNT),
    regionNext: new Uint8Array(REGION_COUNT),
    laneFlow: new Float64Array(f * LANE_COUNT),
    laneLat: new Float64Array(f * LANE_COUNT),
    viaInternet: new Float64Array(f * CLASS_COUNT),
    viaEdgePrice: new Float64Array(f * CLASS_COUNT),
    viaPremium: new Float64Array(f * CLASS_COUNT),
    frontServing: new Uint8Array(f),
    tgProbing: new Uint8Array(topo.tgCount),
    tgCheckPass: new Uint8Array(topo.tgCount),
    tgCheckKnown: new Uint8Array(1),
    anyZoneDark: new Uint8Array(1),
    frontHealthyView: new Uint8Array(f),
    flows: new Float64Array(CLASS_COUNT),
    edgeShare: new Float64Array(topo.edgeInst.length),
    edgeClassShare: new Float64Array(topo.edgeInst.length * CLASS_COUNT),
    classLive: new Float64Array(CLASS_COUNT),
    edgeSlot: new Int8Array(topo.edgeInst.length),
    frontTotals: new Float64Array(f * CLASS_COUNT),
    instSucc: new Float64Array(topo.instCount * CLASS_COUNT),
    instSessionFail: new Float64Array(topo.instCount),
    instShed: new Float64Array(topo.instCount * CLASS_COUNT),
    instLat: new Float64Array(topo.instCount * CLASS_COUNT),
    instOffered: new Float64Array(topo.instCount * CLASS_COUNT),
    instUnits: new Float64Array(topo.instCount),
    instServed: new Float64Array(topo.instCount),
    instLatMs: new Float64Array(topo.instCount),
    instRps: new Float64Array(topo.instCount),
    instDepCalls: new Float64Array(topo.instCount),
    instDepFail: new Float64Array(topo.instCount),
    appLog: new Float64Array(REGION_COUNT * LINE_KINDS),
    logMetricValue: new Float64Array(topo.logMetricCount),
    logMetricPresent: new Uint8Array(topo.logMetricCount),
    groupWriter: new Int32Array(topo.groupCount),
    groupReader: new Int32Array(topo.groupCount * REGION_COUNT),
    dbQueries: new Float64Array(topo.dbCount),
    dbOk: new Float64Array(topo.dbCount),
    dbQueryMs: new Float64Array(topo.dbCount),
    zoneServed: new Float64Array(3 * CLASS_COUNT),
    zoneShed: new Float64Array(3 * CLASS_COUNT),
    zoneLat: new Float64Array(3 * CLASS_COUNT),
    classMerged: new Uint8Array(CLASS_COUNT),
    classServed: new Float64Array(CLASS_COUNT),
    classMs: new Float64Array(CLASS_COUNT),
    lbRequests: new Float64Array(topo.lbCount),
    lbErrors: new Float64Array(topo.lbCount),
    lbLatencyMs: new Float64Array(topo.lbCount),
    lbHealthy: new Float64Array(topo.lbCount),
    lbUnhealthy: new Float64Array(topo.lbCount),
    distRequests: new Float64Array(topo.distCount),
    distHits: new Float64Array(topo.distCount),
    distErrors: new Float64Array(topo.distCount),
    stepHist: new Float64Array(BUCKET_COUNT),
    spread: new Float64Array(BUCKET_COUNT),
    latency: new Float64Array(4),
    stepCost: new Float64Array(6),
    stepBill: new Float64Array(BILL_LINES * BILL_CELLS),
    stepCounts: new Float64Array(COUNT_SIZE),
    dnsNext: new Float64Array(topo.recCount),
  };
}
