// CloudWatch dashboards in a match: the metrics their widgets watch are sampled from the world by the metric
// catalogue's measures (as alarms read them); a widget on a metric that does not exist for its resource shows
// "No data"; alarm-status widgets show the alarms' states; the alarms list says what each alarm watches.
import { describe, expect, it } from 'vitest';
import { boardPieces, chartPoint, FIRST_MINUTE, pieceStatuses } from '../../../shared/match/board-view.ts';
import { dashboardMetricKeys, extendMetricKeys, metricKey, NO_DATA, sampleMetrics } from '../../../shared/match/dashboard-metrics.ts';
import { dashboardView, metricChoices, withWidget, withoutWidget, type DashboardPieceProps, type ViewPiece } from '../../../shared/match/dashboard-view.ts';
import { alarmRows } from '../../../shared/match/alarm-view.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { scenario, webTier } from '../sim/builders.ts';
import { runUntil } from '../sim/probes.ts';
import { STEP_SECONDS } from '../../../shared/sim/constants.ts';

function board() {
  const t = webTier({ desired: 2 });
  const { b, lb, asg } = t;
  const policy = b.add('ScaleOut', 'scalingPolicy', { group: asg, policyType: 'SimpleScaling', adjustment: 1, cooldownS: 300 });
  const cpu = b.add('CpuHigh', 'alarm', { metric: 'CPUUtilization', namespace: 'AWS/EC2', statistic: 'Average', subject: asg, comparison: 'GreaterThanThreshold', threshold: 90, periodS: 60, evaluationPeriods: 2, alarmActions: [policy], notifications: ['arn:aws:sns:us-east-1:123456789012:oncall', 'arn:aws:automate:us-east-1:ec2:reboot'] });
  // AWS/RDS CPUUtilization keyed by an Auto Scaling group: a metric nobody publishes.
  b.add('WrongSpace', 'alarm', { metric: 'CPUUtilization', namespace: 'AWS/RDS', statistic: 'Average', subject: asg, comparison: 'GreaterThanThreshold', threshold: 1, periodS: 60, evaluationPeriods: 1, alarmActions: [], notifications: [] });
  b.add('Ops', 'dashboard', {
    name: 'ops',
    widgets: [
      { type: 'metric', x: 0, y: 0, width: 12, height: 6, view: 'timeSeries', title: 'Requests' },
      { type: 'metric', width: 6, height: 3, view: 'singleValue' },
      { type: 'alarm', width: 6, height: 6 },
      { type: 'text', width: 6, height: 2, markdown: '# Runbook' },
    ],
    metrics: [
      { widget: 0, namespace: 'AWS/ApplicationELB', metric: 'RequestCount', dimensions: [{ name: 'LoadBalancer' }], subject: lb },
      { widget: 0, namespace: 'AWS/EC2', metric: 'CPUUtilization', dimensions: [{ name: 'AutoScalingGroupName' }], subject: asg },
      { widget: 1, namespace: 'AWS/RDS', metric: 'CPUUtilization', dimensions: [{ name: 'DBInstanceIdentifier' }], subject: asg },
    ],
    alarms: [{ widget: 2, alarm: cpu }, { widget: 2, arn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:elsewhere' }],
  });
  const world = createWorld(b.design, scenario({ traffic: [{ area: 'north-america', baselineRps: 600 }] }), 1);
  return { world, lb, asg };
}

/** The board's pieces as the client has them, with their alarm states. */
function piecesOf(world: World): ViewPiece[] {
  const statuses = pieceStatuses(world);
  return boardPieces(world.design).map((p, id) => ({ ...p, ...(statuses[id]!.alarm ? { alarmState: statuses[id]!.alarm } : {}) }));
}

describe('dashboard metrics', () => {
  it('keys each watched metric by namespace, name and resource, and keeps old keys first', () => {
    const { world } = board();
    const keys = dashboardMetricKeys(world.design);
    expect(keys).toEqual(['AWS/ApplicationELB|RequestCount|web/Lb', 'AWS/EC2|CPUUtilization|web/Web', 'AWS/RDS|CPUUtilization|web/Web']);
    expect(extendMetricKeys(['AWS/Billing|EstimatedCharges|'], world.design)).toEqual(['AWS/Billing|EstimatedCharges|', ...keys]);
  });

  it('samples them with the catalogue measures alarms use; a metric that does not exist has no data', () => {
    const { world } = board();
    runUntil(world, 600);
    const [requests, cpu, wrong, missing, bill] = sampleMetrics(world, [...dashboardMetricKeys(world.design), metricKey('AWS/EC2', 'CPUUtilization', 'web/Gone'), metricKey('AWS/Billing', 'EstimatedCharges', '')]);
    expect(requests).toBeGreaterThan(0);
    // A count stands for its whole minute: the step's requests at that rate for sixty seconds.
    expect(requests).toBeCloseTo(world.scratch.lbRequests[0]! * (60 / STEP_SECONDS), 1);
    expect(cpu).toBeGreaterThan(0);
    expect(cpu).toBeLessThanOrEqual(100);
    expect(wrong).toBe(NO_DATA);
    expect(missing).toBe(NO_DATA);
    expect(bill).toBeGreaterThan(0);
  });

  it('rides on the chart point a minute, in the order of the keys it was taken with', () => {
    const { world } = board();
    runUntil(world, 60);
    const keys = dashboardMetricKeys(world.design);
    const point = chartPoint(world, FIRST_MINUTE, 60, undefined, keys);
    expect(point.metrics).toEqual(sampleMetrics(world, keys));
    expect(chartPoint(world, FIRST_MINUTE, 60).metrics).toEqual([]);
  });
});

describe('the dashboard view', () => {
  it('draws graphs and numbers from the points, "No data" where the metric does not exist, alarm states, text', () => {
    const { world } = board();
    const keys = dashboardMetricKeys(world.design);
    const points = [];
    for (const t of [60, 120, 180]) {
      runUntil(world, t);
      points.push(chartPoint(world, FIRST_MINUTE, t, undefined, keys));
    }
    const pieces = piecesOf(world);
    const view = dashboardView(pieces.find((p) => p.kind === 'dashboard')!, pieces, keys, points);
    expect(view.name).toBe('ops');
    expect(view.tS).toEqual([60, 120, 180]);
    const [graph, number, alarms, text] = view.widgets;
    expect(graph!.view).toBe('timeSeries');
    expect(graph!.lines.map((l) => l.label)).toEqual(['RequestCount Lb', 'CPUUtilization Web']);
    // No stat or period on the widget: CloudWatch's Average over five minutes, so the three minutes make one datapoint.
    expect([graph!.stat, graph!.periodS, graph!.tS]).toEqual(['Average', 300, [0]]);
    const mean = points.reduce((sum, p) => sum + p.metrics[0]!, 0) / 3;
    expect(graph!.lines[0]!.values[0]).toBeCloseTo(mean, 2);
    expect(graph!.noData).toBe(false);
    expect(number!.view).toBe('singleValue');
    expect(number!.noData).toBe(true);
    expect(number!.lines[0]!.latest).toBeNull();
    // Widgets without x and y go to the next free place on the 24-column grid.
    expect([number!.x, number!.y, alarms!.x, alarms!.y, text!.x, text!.y]).toEqual([12, 0, 18, 0, 12, 3]);
    // The alarm's state as the world has it; an ARN of no alarm on the board has none.
    const cpuState = pieces.find((p) => p.logicalId === 'CpuHigh')!.alarmState;
    expect(['OK', 'ALARM']).toContain(cpuState);
    expect(alarms!.alarms).toEqual([{ name: 'CpuHigh', state: cpuState }, { name: 'elsewhere', state: 'UNKNOWN' }]);
    expect(text!.markdown).toBe('# Runbook');
  });

  it("applies each widget's stat and period to the minute samples, a row's own stat first", () => {
    const { world } = board();
    const keys = dashboardMetricKeys(world.design);
    const points: ReturnType<typeof chartPoint>[] = [];
    for (const t of [60, 120, 180, 240]) {
      runUntil(world, t);
      points.push(chartPoint(world, FIRST_MINUTE, t, undefined, keys));
    }
    const pieces = piecesOf(world);
    const dash = pieces.find((p) => p.kind === 'dashboard')!;
    const props = dash.props as unknown as DashboardPieceProps;
    const withStat = (stat: string, period: number, rowStat?: string): DashboardPieceProps => ({
      ...props,
      widgets: props.widgets.map((w, i) => (i === 0 ? { ...w, stat, period } : w)),
      metrics: props.metrics.map((m, i) => (i === 1 && rowStat ? { ...m, options: { stat: rowStat } } : m)),
    });
    const graphOf = (p: DashboardPieceProps) => dashboardView({ ...dash, props: p as unknown as Record<string, unknown> }, pieces, keys, points).widgets[0]!;
    const requests = points.map((p) => p.metrics[0]!);
    const cpu = points.map((p) => p.metrics[1]!);
    const perMinute = graphOf(withStat('Sum', 60));
    expect(perMinute.tS).toEqual([0, 60, 120, 180]);
    expect(perMinute.lines[0]!.values).toEqual(requests);
    const twoMinutes = graphOf(withStat('Sum', 120, 'Maximum'));
    expect(twoMinutes.tS).toEqual([0, 120]);
    expect(twoMinutes.lines[0]!.values[0]).toBeCloseTo(requests[0]! + requests[1]!, 2);
    expect(twoMinutes.lines[0]!.values[1]).toBeCloseTo(requests[2]! + requests[3]!, 2);
    expect(twoMinutes.lines[1]!.values).toEqual([Math.max(cpu[0]!, cpu[1]!), Math.max(cpu[2]!, cpu[3]!)]);
    expect(twoMinutes.lines[0]!.latest).toBeCloseTo(requests[2]! + requests[3]!, 2);
    expect(graphOf(withStat('SampleCount', 240)).lines[0]!.values).toEqual([4]);
  });

  it('composes: metric choices from the catalogue for the board, a widget added and removed', () => {
    const { world } = board();
    const pieces = piecesOf(world);
    const choices = metricChoices(pieces);
    expect(choices.some((c) => c.namespace === 'AWS/ApplicationELB' && c.metric === 'TargetResponseTime' && c.subject === 'web/Lb')).toBe(true);
    expect(choices.some((c) => c.namespace === 'AWS/RDS' && c.subject === 'web/Web')).toBe(false);
    expect(choices.some((c) => c.namespace === 'AWS/Billing' && c.subject === '')).toBe(true);
    const dash = pieces.find((p) => p.kind === 'dashboard')!.props as unknown as DashboardPieceProps;
    const choice = choices.find((c) => c.metric === 'UnHealthyHostCount' && c.subject === 'web/Lb')!;
    const added = withWidget(dash, { type: 'metric', view: 'singleValue', choice }, 'us-east-1');
    expect(added.widgets).toHaveLength(5);
    expect(added.widgets[4]).toMatchObject({ type: 'metric', view: 'singleValue', width: 6, height: 3, stat: 'Sum', period: 60, region: 'us-east-1' });
    expect(added.metrics.at(-1)).toEqual({ widget: 4, namespace: 'AWS/ApplicationELB', metric: 'UnHealthyHostCount', dimensions: [{ name: 'LoadBalancer' }], subject: 'web/Lb' });
    const removed = withoutWidget(added, 1);
    expect(removed.widgets).toHaveLength(4);
    expect(removed.metrics.map((m) => m.widget)).toEqual([0, 0, 3]);
    expect(removed.alarms.map((a) => a.widget)).toEqual([1, 1]);
  });
});

describe('the alarms list', () => {
  it('says what each alarm watches, its state, whether its metric exists, and its actions', () => {
    const { world } = board();
    runUntil(world, 300);
    const rows = alarmRows(piecesOf(world));
    expect(rows.map((r) => [r.name, r.namespace, r.metric, r.dimensions, r.state, r.metricExists])).toEqual([
      ['CpuHigh', 'AWS/EC2', 'CPUUtilization', [{ name: 'AutoScalingGroupName', value: 'Web' }], 'OK', true],
      ['WrongSpace', 'AWS/RDS', 'CPUUtilization', [{ name: 'AutoScalingGroupName', value: 'Web' }], 'INSUFFICIENT_DATA', false],
    ]);
    expect(rows[0]!.actions).toEqual([{ kind: 'scaling', target: 'ScaleOut' }, { kind: 'sns', target: 'oncall' }, { kind: 'ec2', target: 'reboot' }]);
  });
});
