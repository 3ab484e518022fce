// CloudWatch Logs on the bill (shared/sim/log-billing.ts): the application's log ingested per GB (each line's
// message plus 26 bytes) where its log group or a filter on it is, what log groups hold stored by the GB-month,
// and flow logs delivered as vended logs when their aggregation interval closes — to CloudWatch Logs at $0.50 and
// stored, to S3 at $0.25 — all booked to CloudWatch in their region.

import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { LINE_KINDS } from '../../../shared/catalogue/app-logs.ts';
import { cellOf, regionSlot, S_CLOUDWATCH } from '../../../shared/sim/bill.ts';
import { STEP_SECONDS } from '../../../shared/sim/constants.ts';
import { flowRecordBytes } from '../../../shared/sim/flow-log-cost.ts';
import { flowRecords } from '../../../shared/sim/flow-records.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { allScenarios, loadAssetDesign } from '../campaign/files.ts';
import { scenario, webTier } from './builders.ts';
import { runUntil } from './probes.ts';

const GB = 1024 ** 3;
const EAST = cellOf(S_CLOUDWATCH, regionSlot('us-east-1'));
const L = catalogue.cloudWatchLogs;
const STORE_PER_GB_STEP = (L.storagePerGbMonthUsd.value / 730) * (STEP_SECONDS / 3600);

/** CloudWatch's spend in us-east-1 beyond its fixed hourly charges (alarms). */
const logSpend = (world: World, tS: number) => world.state.spend[EAST]! - world.topo.fixedHourlyByCell[EAST]! * (tS / 3600);

describe('the application log on the bill', () => {
  const level = allScenarios().find((s) => s.id === 'errors-in-the-logs')!;
  const reference = loadAssetDesign(level.solutions!.reference);

  it('is ingested per GB of messages plus 26 bytes an event, then stored compressed by the GB-month', () => {
    const world = createWorld(reference, level, 1);
    const region = regionSlot(world.design.stacks[0]!.region);
    expect(world.topo.appLogRegion[region]).toBe(1);
    const bytesOf = world.plan.appLogLines.map((l) => Buffer.byteLength(l, 'utf8') + 26);
    let ingestedGb = 0;
    let expected = 0;
    runUntil(world, 1800, () => {
      expected += ingestedGb * L.compressedShare.value * STORE_PER_GB_STEP; // storage of what arrived before the step
      let bytes = 0;
      for (let k = 0; k < LINE_KINDS; k++) bytes += world.scratch.appLog[region * LINE_KINDS + k]! * bytesOf[k]!;
      ingestedGb += bytes / GB;
      expected += (bytes / GB) * L.ingestionPerGbUsd.value;
    });
    expect(ingestedGb).toBeGreaterThan(0);
    expect(world.state.logStoredGb[region]).toBeCloseTo(ingestedGb * L.compressedShare.value, 12);
    expect(logSpend(world, 1800)).toBeCloseTo(expected, 9);
    expect(logSpend(world, 1800)).toBeGreaterThan(0);
  });

  it('costs nothing where the design has neither the log group nor a filter on it', () => {
    // The same design with its log group and filter on another group: the agent sends the application's log nowhere.
    const elsewhere = (r: Design['resources'][number]) =>
      r.kind === 'logGroup' ? { ...r, props: { ...r.props, name: '/other/app' } } : r.kind === 'metricFilter' ? { ...r, props: { ...r.props, logGroupName: '/other/app' } } : r;
    const bare = { ...reference, resources: reference.resources.map(elsewhere) } as Design;
    const world = createWorld(bare, level, 1);
    expect(world.topo.appLogBilled).toBe(false);
    runUntil(world, 900);
    expect(logSpend(world, 900)).toBeCloseTo(0, 12);
    expect(world.state.logStoredGb.every((x) => x === 0)).toBe(true);
  });
});

function flowTier(destinationType: 'cloud-watch-logs' | 's3', aggregationS: 60 | 600): { world: World; flowLog: number } {
  const { b, net } = webTier({ desired: 3 });
  const flowLog = b.add('Flows', 'flowLog', { resourceType: 'VPC', resource: net.vpc, trafficType: 'ALL', destinationType, logGroupName: 'vpc-flows', aggregationS });
  return { world: createWorld(b.design, scenario({ traffic: [{ area: 'north-america', baselineRps: 100 }], durationS: 3600 }), 2), flowLog };
}

describe('flow logs on the bill', () => {
  it('deliver each aggregation interval when it closes, at the vended-logs price, under CloudWatch', () => {
    const { world, flowLog } = flowTier('cloud-watch-logs', 600);
    runUntil(world, 600 - STEP_SECONDS);
    expect(logSpend(world, 600 - STEP_SECONDS)).toBe(0);
    // The step that closes the interval delivers its records: bytes of the whole interval's lines.
    const gb = flowRecordBytes(flowRecords(world, flowLog, { startS: 0 })) / GB;
    runUntil(world, 600);
    expect(gb).toBeGreaterThan(0);
    expect(logSpend(world, 600)).toBeCloseTo(gb * catalogue.flowLogs.cloudWatchLogsPerGbUsd.value, 12);
    expect(world.state.logStoredGb[regionSlot('us-east-1')]).toBeCloseTo(gb * L.compressedShare.value, 15);
  });

  it('to S3 cost half as much and leave nothing in a log group', () => {
    const cwl = flowTier('cloud-watch-logs', 60);
    const s3 = flowTier('s3', 60);
    runUntil(cwl.world, 60);
    runUntil(s3.world, 60);
    expect(logSpend(s3.world, 60)).toBeGreaterThan(0);
    expect(logSpend(s3.world, 60)).toBeCloseTo(logSpend(cwl.world, 60) / 2, 12);
    expect(s3.world.state.logStoredGb.every((x) => x === 0)).toBe(true);
  });
});
