// Step 7, money, for CloudWatch Logs: what the board's logs cost, booked to CloudWatch in their region (AWS bills
// vended logs, flow logs among them, under CloudWatch too).
// - The application's log (app-logs.ts counts its lines per region), in the regions where it is sent
//   (compile/log-filters.ts appLogRegion): each line's message plus the per-event overhead, as ingested data.
// - Each flow log: when its aggregation interval closes with this step, the interval's records (flow-records.ts,
//   their default-format lines) as vended-log delivery to CloudWatch Logs or to S3.
// - What the log groups then hold, compressed, by the GB-month for the step's share of an hour.
// Prices are us-east-1's (catalogue cloudWatchLogs, flowLogs) times the region's price factor.

import { catalogue, priceFactorOf } from '../catalogue/index.ts';
import { LINE_KINDS } from '../catalogue/app-logs.ts';
import { REGIONS } from '../geography/regions.ts';
import { chargeStep, S_CLOUDWATCH } from './bill.ts';
import { REGION_COUNT, STEP_SECONDS } from './constants.ts';
import { flowRecordBytes } from './flow-log-cost.ts';
import { flowRecords } from './flow-records.ts';
import { M_OTHER } from './scratch.ts';
import { T_NOW } from './state.ts';
import type { World } from './world.ts';

const GB = 1024 ** 3;
const L = catalogue.cloudWatchLogs;
const OVERHEAD = L.eventOverheadBytes.value;
const COMPRESSED = L.compressedShare.value;
const STORAGE_PER_GB_STEP = (L.storagePerGbMonthUsd.value / catalogue.hoursPerMonth.value) * (STEP_SECONDS / 3600);
const REGION_FACTOR = Float64Array.from(REGIONS.map((r) => priceFactorOf(r.code)));

/** Bytes one line of each kind is ingested as: its message in UTF-8 and the event's overhead. */
export function appLineBytes(lines: readonly string[]): Float64Array {
  return Float64Array.from(lines, (line) => new TextEncoder().encode(line).length + OVERHEAD);
}

const lineBytes = new WeakMap<readonly string[], Float64Array>();

/** The step's CloudWatch Logs charges; worlds without a billed log skip it (one check each). */
export function chargeLogs(world: World): void {
  const topo = world.topo;
  if (topo.appLogBilled) chargeAppLog(world);
  if (topo.flowLogCount > 0) chargeFlowLogs(world);
  const stored = world.state.logStoredGb;
  for (let r = 0; r < REGION_COUNT; r++) {
    if (stored[r] === 0) continue;
    chargeStep(world.scratch, M_OTHER, S_CLOUDWATCH, r, stored[r]! * STORAGE_PER_GB_STEP * REGION_FACTOR[r]!);
  }
}

function chargeAppLog(world: World): void {
  const lines = world.plan.appLogLines;
  let bytes = lineBytes.get(lines);
  if (!bytes) lineBytes.set(lines, (bytes = appLineBytes(lines)));
  const log = world.scratch.appLog;
  for (let r = 0; r < REGION_COUNT; r++) {
    if (world.topo.appLogRegion[r] !== 1) continue;
    let ingested = 0;
    for (let k = 0; k < LINE_KINDS; k++) ingested += log[r * LINE_KINDS + k]! * bytes[k]!;
    if (ingested > 0) ingest(world, r, ingested / GB, L.ingestionPerGbUsd.value, true);
  }
}

function chargeFlowLogs(world: World): void {
  const topo = world.topo;
  const end = world.state.tally[T_NOW]! + STEP_SECONDS;
  for (let f = 0; f < topo.flowLogCount; f++) {
    const agg = topo.flowLogAggS[f]!;
    const r = topo.flowLogRegion[f]!;
    if (end % agg !== 0 || r < 0) continue;
    const gb = flowRecordBytes(flowRecords(world, topo.flowLogResource[f]!, { startS: end - agg })) / GB;
    const toS3 = topo.flowLogToS3[f] === 1;
    if (gb > 0) ingest(world, r, gb, toS3 ? catalogue.flowLogs.s3PerGbUsd.value : catalogue.flowLogs.cloudWatchLogsPerGbUsd.value, !toS3);
  }
}

/** `gb` delivered in region `r` at `perGbUsd`; what lands in a log group is then stored. */
function ingest(world: World, r: number, gb: number, perGbUsd: number, stored: boolean): void {
  chargeStep(world.scratch, M_OTHER, S_CLOUDWATCH, r, gb * perGbUsd * REGION_FACTOR[r]!);
  if (stored) world.state.logStoredGb[r] = world.state.logStoredGb[r]! + gb * COMPRESSED;
}
