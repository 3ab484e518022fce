// Everything that changes while a world runs, in flat typed arrays sized by the topology. This is the whole
// state: hashWorld hashes it, snapshotWorld copies it, updateDesign carries it to a new topology.
// Scalars live in `tally` at the fixed indices below.

import { BILL_CELLS } from './bill.ts';
import { BUCKET_COUNT } from './latency.ts';
import { AREA_COUNT, REGION_COUNT, RUNNING, ZONE_COUNT } from './constants.ts';
import type { Topology } from './topology.ts';

// Indices into `tally`.
/** Simulated seconds at the start of the next step. */
export const T_NOW = 0;
export const T_STEPS = 1;
/** User requests offered, served, failed (no path, dead target, blocked, database down) and shed (overload). */
export const T_OFFERED = 2;
export const T_SERVED = 3;
export const T_FAILED = 4;
export const T_SHED = 5;
/** Served within the latency objective. */
export const T_GOOD = 6;
export const T_COST = 7;
export const T_REVENUE = 8;
export const T_FLOOD_OFFERED = 9;
/** Flood requests stopped before a server: WAF, edge absorption. */
export const T_FLOOD_DROPPED = 10;
export const T_FLOOD_SERVED = 11;
/** Flood requests that reached a server and failed or were shed there. */
export const T_FLOOD_REJECTED = 12;
/** Fields of the state's savingsPlan: its hourly commitment, its discount, term (years), payment option, purchase time. */
export const SP_HOURLY_USD = 0;
export const SP_DISCOUNT = 1;
export const SP_TERM_YEARS = 2;
export const SP_PAYMENT = 3;
export const SP_FROM_S = 4;
export const SP_FIELDS = 5;
/**
 * Fields of each Reserved Instance purchase in the state's `reserved` (RI_FIELDS numbers a purchase): instance
 * type (instance-types.ts index), region index, how many, discount, term (years), payment option, purchase time.
 */
export const RI_TYPE = 0;
export const RI_REGION = 1;
export const RI_COUNT = 2;
export const RI_DISCOUNT = 3;
export const RI_TERM_YEARS = 4;
export const RI_PAYMENT = 5;
export const RI_FROM_S = 6;
export const RI_FIELDS = 7;
/** The scenario budget (a budget cut lowers it). */
export const T_BUDGET = 13;
export const T_EDGE_HITS = 14;
export const T_EDGE_REQUESTS = 15;
/** Users blocked by a WAF rule (part of T_FAILED). */
export const T_BLOCKED = 16;
/** Bit 1: actual spend passed the scenario budget; bit 2: the forecast did. */
export const T_BUDGET_FLAGS = 17;
// Spend by service, for Cost Explorer.
export const T_COST_COMPUTE = 18;
export const T_COST_DATABASE = 19;
export const T_COST_BALANCING = 20;
export const T_COST_TRANSFER = 21;
export const T_COST_EDGE = 22;
export const T_COST_OTHER = 23;
export const TALLY_SIZE = 24;

// A group's instance refresh (or CloudFormation rolling update), REFRESH_FIELDS numbers per group in asgRefresh.
/** 0 none, REFRESH_BY_API (StartInstanceRefresh), REFRESH_BY_STACK (UpdatePolicy AutoScalingRollingUpdate). */
export const R_KIND = 0;
/** By API: minimum healthy percentage of desired capacity; by stack: MinInstancesInService. */
export const R_MIN = 1;
/** Largest batch (by stack: MaxBatchSize); 0 by API (the minimum healthy percentage decides). */
export const R_BATCH = 2;
/** Instance warm-up (by stack: PauseTime): how long a new instance serves before it counts. */
export const R_WARMUP_S = 3;
/** Instances launched above desired capacity to keep MinInstancesInService (by stack), given back as old ones go. */
export const R_SURGE = 4;
/** Instances replaced so far. */
export const R_REPLACED = 5;
export const REFRESH_FIELDS = 6;
export const REFRESH_BY_API = 1;
export const REFRESH_BY_STACK = 2;

export interface WorldState {
  tally: Float64Array;
  rng: Uint32Array;
  /** Per design resource: deleted at run time. */
  removed: Uint8Array;
  /** Per scenario event: 0 pending, 1 active, 2 over (or revoked), 3 announced and pending (events.ts). */
  eventPhase: Uint8Array;
  zoneDown: Uint8Array;
  regionDown: Uint8Array;

  instState: Uint8Array;
  instZone: Int16Array;
  /** BOOTING/REBOOTING: when it serves; FAILED: when it failed. */
  instTimer: Float64Array;
  /** The load balancers' view: passes health checks. */
  instHealthy: Uint8Array;
  /** Consecutive health check results against the current view. */
  instProbes: Int16Array;
  /** 1 when the instance failed with its zone (a static instance comes back with it). */
  instZoneFailed: Uint8Array;
  instLaunchedAt: Float64Array;
  instCpu: Float64Array;
  /**
   * The launch spec a slot runs: 0 the design's (topology.instType), else 1 + the instance-types.ts index of the
   * type it was launched with under an older launch template. Zero unless a template changed under a running group.
   */
  instSpec: Int16Array;
  /** 1: launched before its group's refresh started, to be replaced by it. */
  instOld: Uint8Array;
  /**
   * The status check a FAILED instance fails (shared/sim/instance-actions.ts): 0 none, 1 the system check (its
   * host failed; recover moves it to new hardware), 2 the instance check (its OS failed; a reboot fixes it).
   */
  instCheck: Uint8Array;

  asgDesired: Int32Array;
  asgMin: Int32Array;
  asgMax: Int32Array;
  asgCooldownUntil: Float64Array;
  asgCpu: Float64Array;
  asgTrackHigh: Int32Array;
  asgTrackLow: Int32Array;
  asgTrackSum: Float64Array;
  asgTrackCount: Int32Array;
  /** 1 while the group could not launch for lack of a healthy zone (said once in the timeline). */
  asgStuck: Uint8Array;
  /** Per group × REFRESH_FIELDS: its instance refresh under way (R_* indices), all zero without one. */
  asgRefresh: Float64Array;
  /**
   * [0]: user requests that passed a Gateway Load Balancer's appliances on their way in, over the run (what the
   * `inspectedShare` objective reads). Zero in every design without a gateway load balancer in the path.
   */
  inspected: Float64Array;
  /**
   * Time to recovery from a colleague's security group change (shared/sim/recovery.ts), each a simulated second
   * plus one (0: not yet): [RC_CHANGED] when the change was made, [RC_BROKEN] the first step after it at which
   * service broke, [RC_RESTORED] the first step after that at which it was restored.
   */
  recovery: Float64Array;
  /** Per region index: the compressed GB its log groups hold (shared/sim/log-billing.ts bills them by the GB-month). */
  logStoredGb: Float64Array;

  dbState: Uint8Array;
  dbTimer: Float64Array;
  dbClass: Int16Array;
  /** Class to switch to when a restart ends, -1 none. */
  dbPendingClass: Int16Array;
  dbZone: Int16Array;
  dbStandbyZone: Int16Array;
  dbPromoted: Uint8Array;
  dbCpu: Float64Array;

  hcHealthy: Uint8Array;
  hcProbes: Int16Array;
  epHealthy: Uint8Array;
  epProbes: Int16Array;

  /** Per area: when the cached DNS answer expires (-1: nothing cached). */
  dnsExpiry: Float64Array;
  /** Per area × record: the cached answer, as the share of users sent to each record. */
  dnsShare: Float64Array;

  alarmState: Uint8Array;
  /** Per alarm: sum, count, min, max of the period being collected. */
  alarmAcc: Float64Array;
  alarmStepInPeriod: Int32Array;
  alarmRing: Float64Array;
  alarmFill: Int32Array;
  alarmCursor: Int32Array;

  schedDone: Uint8Array;
  notifDone: Uint8Array;
  /** Per budget action: 1 once it has run (or, MANUAL, once it waits for approval). */
  bactDone: Uint8Array;
  /** The Savings Plan bought (SP_* fields), or empty without one. */
  savingsPlan: Float64Array;
  /** Reserved Instances bought during the run, RI_FIELDS numbers each (empty without any). */
  reserved: Float64Array;

  /** Histogram of served requests by mean latency over the whole run. */
  runHist: Float64Array;
  /** Spend so far per bill cell (service × region, bill.ts): what Cost Explorer groups. */
  spend: Float64Array;
  /** Per edge, when a target group is sticky: its target's share of the group's users (-1: not assigned yet). */
  edgeSticky: Float64Array;
  /** Per edge, with anomaly mitigation: the weight automatic target weights leave its target (1 = full). */
  edgeAnomaly: Float64Array;
  /** Per instance slot, with anomaly mitigation: the share of its requests that failed in the last step. */
  instErrShare: Float64Array;
}

/**
 * State that exists only when the design uses it (sticky or anomaly-mitigated target groups): empty
 * otherwise, and an empty one is neither hashed nor required in a snapshot, so other worlds keep their hashes.
 */
export const OPTIONAL_STATE_KEYS: ReadonlySet<string> = new Set(['edgeSticky', 'edgeAnomaly', 'instErrShare', 'bactDone', 'savingsPlan', 'reserved']);

/** The arrays of the state in a fixed order: hashing, snapshots and carrying follow it. */
export const STATE_KEYS = [
  'tally',
  'rng',
  'removed',
  'eventPhase',
  'zoneDown',
  'regionDown',
  'instState',
  'instZone',
  'instTimer',
  'instHealthy',
  'instProbes',
  'instZoneFailed',
  'instLaunchedAt',
  'instCpu',
  'asgDesired',
  'asgMin',
  'asgMax',
  'asgCooldownUntil',
  'asgCpu',
  'asgTrackHigh',
  'asgTrackLow',
  'asgTrackSum',
  'asgTrackCount',
  'asgStuck',
  'dbState',
  'dbTimer',
  'dbClass',
  'dbPendingClass',
  'dbZone',
  'dbStandbyZone',
  'dbPromoted',
  'dbCpu',
  'hcHealthy',
  'hcProbes',
  'epHealthy',
  'epProbes',
  'dnsExpiry',
  'dnsShare',
  'alarmState',
  'alarmAcc',
  'alarmStepInPeriod',
  'alarmRing',
  'alarmFill',
  'alarmCursor',
  'schedDone',
  'notifDone',
  'bactDone',
  'savingsPlan',
  'reserved',
  'runHist',
  'spend',
  'edgeSticky',
  'edgeAnomaly',
  'instErrShare',
  'instSpec',
  'instOld',
  'instCheck',
  'asgRefresh',
  'inspected',
  'recovery',
  'logStoredGb',
] as const satisfies readonly (keyof WorldState)[];

function routingState(topo: Topology) {
  let sticky = false;
  let anomaly = false;
  for (let e = 0; e < topo.edgeTg.length; e++) {
    if (topo.tgStickyTurnover[topo.edgeTg[e]!]! > 0) sticky = true;
    if (topo.tgAnomalyMitigation[topo.edgeTg[e]!] === 1) anomaly = true;
  }
  const edges = topo.edgeInst.length;
  return {
    edgeSticky: new Float64Array(sticky ? edges : 0).fill(-1),
    edgeAnomaly: new Float64Array(anomaly ? edges : 0).fill(1),
    instErrShare: new Float64Array(anomaly ? topo.instCount : 0),
  };
}

/**
 * Arrays added after worlds were first hashed and recorded: all zero until a launch template changes under a running
 * group or a refresh starts, or requests pass a Gateway Load Balancer's appliances. The hash covers them only when they hold something, and a snapshot without them restores
 * them as zeros, so the hashes and replays of worlds that never use them are what they were.
 */
export const LATE_STATE_KEYS: ReadonlySet<string> = new Set(['instSpec', 'instOld', 'instCheck', 'asgRefresh', 'inspected', 'recovery', 'logStoredGb']);

/** Fields of state.recovery. */
export const RC_CHANGED = 0;
export const RC_BROKEN = 1;
export const RC_RESTORED = 2;
export const RECOVERY_FIELDS = 3;

/** A fresh state for a topology: the design as deployed and warm at time 0 (instances in service, healthy). */
export function allocateState(topo: Topology, eventCount: number, budgetUsd: number): WorldState {
  const n = topo.instCount;
  const tally = new Float64Array(TALLY_SIZE);
  tally[T_BUDGET] = budgetUsd;
  const s: WorldState = {
    tally,
    rng: new Uint32Array(1),
    removed: Uint8Array.from(topo.removed),
    eventPhase: new Uint8Array(eventCount),
    zoneDown: new Uint8Array(ZONE_COUNT),
    regionDown: new Uint8Array(REGION_COUNT),
    instState: new Uint8Array(n),
    instZone: Int16Array.from(topo.instHomeZone),
    instTimer: new Float64Array(n),
    instHealthy: new Uint8Array(n),
    instProbes: new Int16Array(n),
    instZoneFailed: new Uint8Array(n),
    instLaunchedAt: new Float64Array(n),
    instCpu: new Float64Array(n),
    instSpec: new Int16Array(n),
    instOld: new Uint8Array(n),
    instCheck: new Uint8Array(n),
    asgDesired: Int32Array.from(topo.asgDesired),
    asgMin: Int32Array.from(topo.asgMin),
    asgMax: Int32Array.from(topo.asgMax),
    asgCooldownUntil: new Float64Array(topo.asgCount),
    asgCpu: new Float64Array(topo.asgCount),
    asgTrackHigh: new Int32Array(topo.asgCount),
    asgTrackLow: new Int32Array(topo.asgCount),
    asgTrackSum: new Float64Array(topo.asgCount),
    asgTrackCount: new Int32Array(topo.asgCount),
    asgStuck: new Uint8Array(topo.asgCount),
    asgRefresh: new Float64Array(topo.asgCount * REFRESH_FIELDS),
    inspected: new Float64Array(1),
    recovery: new Float64Array(RECOVERY_FIELDS),
    logStoredGb: new Float64Array(REGION_COUNT),
    dbState: new Uint8Array(topo.dbCount),
    dbTimer: new Float64Array(topo.dbCount),
    dbClass: Int16Array.from(topo.dbClassDesign),
    dbPendingClass: new Int16Array(topo.dbCount).fill(-1),
    dbZone: Int16Array.from(topo.dbHomeZone),
    dbStandbyZone: Int16Array.from(topo.dbStandbyHome),
    dbPromoted: new Uint8Array(topo.dbCount),
    dbCpu: new Float64Array(topo.dbCount),
    hcHealthy: new Uint8Array(topo.hcCount).fill(1),
    hcProbes: new Int16Array(topo.hcCount),
    epHealthy: new Uint8Array(topo.epCount).fill(1),
    epProbes: new Int16Array(topo.epCount),
    dnsExpiry: new Float64Array(AREA_COUNT).fill(-1),
    dnsShare: new Float64Array(AREA_COUNT * topo.recCount),
    alarmState: new Uint8Array(topo.alarmCount),
    alarmAcc: new Float64Array(topo.alarmCount * 4),
    alarmStepInPeriod: new Int32Array(topo.alarmCount),
    alarmRing: new Float64Array(topo.alarmRingStart[topo.alarmCount] ?? 0),
    alarmFill: new Int32Array(topo.alarmCount),
    alarmCursor: new Int32Array(topo.alarmCount),
    schedDone: new Uint8Array(topo.schedCount),
    notifDone: new Uint8Array(topo.notifPct.length),
    bactDone: new Uint8Array(topo.bactCount),
    savingsPlan: new Float64Array(0),
    reserved: new Float64Array(0),
    runHist: new Float64Array(BUCKET_COUNT),
    spend: new Float64Array(BILL_CELLS),
    ...routingState(topo),
  };
  // Deployed and warm: static instances run, each group runs its desired capacity spread over its zones.
  for (let i = 0; i < n; i++) {
    if (topo.instAsg[i] === -1) {
      s.instState[i] = RUNNING;
      s.instHealthy[i] = 1;
    }
  }
  for (let g = 0; g < topo.asgCount; g++) {
    const zones = topo.asgZoneStart[g + 1]! - topo.asgZoneStart[g]!;
    for (let k = 0; k < topo.asgDesired[g]!; k++) {
      const slot = topo.asgSlotStart[g]! + k;
      s.instState[slot] = RUNNING;
      s.instHealthy[slot] = 1;
      s.instZone[slot] = topo.asgZones[topo.asgZoneStart[g]! + (k % zones)]!;
    }
  }
  return s;
}
