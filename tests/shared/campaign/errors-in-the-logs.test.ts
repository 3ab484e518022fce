// The errors-in-the-logs level: the payment provider's slowdown shows in the application's log long before any
// order fails; the reference design's metric filter → alarm → scaling policy grows the group while fewer than
// one order in a thousand fails, the naive design (CPU alarm only) never grows and misses availability. Without
// the slowdown both pass; without its metric filter the reference's alarm has no data and is the naive design.

import { describe, expect, it } from 'vitest';
import { createWorld, runScenario, stepTo, type RunResult } from '../../../shared/sim/index.ts';
import { LINE_ATTEMPT, LINE_GAVE_UP, LINE_KINDS } from '../../../shared/catalogue/app-logs.ts';
import { regionIndex } from '../../../shared/sim/constants.ts';
import { ALARM_INSUFFICIENT } from '../../../shared/sim/constants.ts';
import { allScenarios, loadAssetDesign } from './files.ts';

const level = allScenarios().find((s) => s.id === 'errors-in-the-logs')!;
const naive = loadAssetDesign(level.solutions!.naive);
const reference = loadAssetDesign(level.solutions!.reference);
const missed = (r: RunResult) => r.objectives.filter((o) => o.primary && !o.met).map((o) => o.id);
const codes = (r: RunResult, code: string) => r.timeline.filter((e) => e.code === code);

describe('errors-in-the-logs', () => {
  const withLogs = runScenario(reference, level, { seed: 1 });
  const cpuOnly = runScenario(naive, level, { seed: 1 });

  it('the reference scales on its log metric and wins three stars; the naive CPU alarm never fires', () => {
    expect(missed(withLogs)).toEqual([]);
    expect(withLogs.stars).toBe(3);
    expect(codes(withLogs, 'alarmOn').every((e) => e.values['alarm'] === 'shop/PaymentErrorsAlarm')).toBe(true);
    expect(codes(withLogs, 'alarmOn').length).toBeGreaterThanOrEqual(2);
    expect(missed(cpuOnly)).toEqual(['availability']);
    expect(codes(cpuOnly, 'alarmOn')).toEqual([]);
    expect(withLogs.score).toBeGreaterThan(cpuOnly.score);
  });

  it('without the slowdown both designs pass: the naive one fails only because of it', () => {
    const calm = { ...level, events: level.events.filter((e) => e.type !== 'dependency-slowdown') };
    expect(missed(runScenario(naive, calm, { seed: 1 }))).toEqual([]);
  });

  it('the log shows errors before users see failures: ERROR lines while orders still succeed', () => {
    const world = createWorld(reference, level, 1);
    const at = regionIndex('us-east-1') * LINE_KINDS;
    // Fifty minutes in, the pools are about half busy: attempts fail and are retried, orders still succeed.
    stepTo(world, 3000);
    let errors = 0;
    for (let k = LINE_ATTEMPT; k <= LINE_GAVE_UP; k++) errors += world.scratch.appLog[at + k]!;
    expect(errors).toBeGreaterThan(0);
    expect(world.scratch.appLog[at + LINE_GAVE_UP]! / errors).toBeLessThan(0.01);
    expect(world.last.failed).toBeLessThan(1);
  });

  it('an alarm on a metric no filter publishes stays INSUFFICIENT_DATA and never acts', () => {
    // The filter publishes another metric: nobody publishes Shop/App PaymentErrors.
    const noFilter = {
      ...reference,
      resources: reference.resources.map((r) => (r.kind === 'metricFilter' ? { ...r, props: { ...r.props, metricName: 'OtherErrors' } } : r)),
    };
    const run = runScenario(noFilter, level, { seed: 1 });
    expect(missed(run)).toEqual(['availability']);
    expect(codes(run, 'alarmOn')).toEqual([]);
    const world = createWorld(noFilter, level, 1);
    stepTo(world, 7200);
    const a = world.topo.alarmResource.indexOf(noFilter.resources.find((r) => r.logicalId === 'PaymentErrorsAlarm')!.id);
    expect(world.state.alarmState[a]).toBe(ALARM_INSUFFICIENT);
  });
});
