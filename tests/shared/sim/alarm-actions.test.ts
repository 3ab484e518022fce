// CloudWatch alarms as CloudWatch has them: a metric exists only for the resource that publishes it (the metric
// catalogue), and alarm actions fire: SNS topics tell their subscribers, EC2 actions stop, terminate, reboot or
// recover the instance the alarm watches.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { metricOf } from '../../../shared/catalogue/metrics.ts';
import type { Design, ResourceOfKind } from '../../../shared/design/model.ts';
import { ALARM_ALARM, ALARM_INSUFFICIENT, EMPTY, FAILED, RUNNING } from '../../../shared/sim/constants.ts';
import { timelineSentence } from '../../../shared/sim/timeline-text.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario, webTier } from './builders.ts';
import { runUntil, slotsOf } from './probes.ts';

type AlarmProps = ResourceOfKind<'alarm'>['props'];

function alarmProps(over: Partial<AlarmProps>): AlarmProps {
  return {
    metric: 'StatusCheckFailed_System',
    namespace: 'AWS/EC2',
    statistic: 'Maximum',
    comparison: 'GreaterThanOrEqualToThreshold',
    threshold: 1,
    periodS: 60,
    evaluationPeriods: 2,
    alarmActions: [],
    notifications: [],
    ...over,
  };
}

/** A lone web server whose host (or OS) fails at 600 s, watched by one alarm. */
function loneServer(alarm: Partial<AlarmProps>, check: 'system' | 'instance' = 'system', topics: Design['unmodelled'] = []): World {
  const d = designBuilder();
  d.stack('legacy', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a']);
  const server = d.instance('Server', net.subnets[0]!, 'm5.large');
  d.add('Watch', 'alarm', alarmProps({ subject: server, ...alarm }));
  d.design.unmodelled.push(...topics);
  const s = scenario({ events: [{ type: 'instance-failure', atS: 600, params: { count: 1, target: 'Server', check } }] });
  return createWorld(d.design, s, 3);
}

function said(world: World, pattern: RegExp) {
  return world.timeline.filter((e) => pattern.test(timelineSentence(e)));
}

const RECOVER = 'arn:aws:automate:us-east-1:ec2:recover';

describe('the metric catalogue', () => {
  it('knows which metric exists for which resource, under which namespace', () => {
    expect(metricOf('AWS/EC2', 'CPUUtilization', 'autoScalingGroup')?.dimension).toBe('AutoScalingGroupName');
    expect(metricOf('AWS/EC2', 'StatusCheckFailed_System', 'instance')?.measure).toBe('statusCheckSystem');
    expect(metricOf('AWS/RDS', 'CPUUtilization', 'autoScalingGroup')).toBeUndefined();
    expect(metricOf('AWS/EC2', 'StatusCheckFailed_System', 'autoScalingGroup')).toBeUndefined();
    expect(metricOf('AWS/ApplicationELB', 'RequestCount', 'networkLoadBalancer')).toBeUndefined();
    expect(metricOf('AWS/NetworkELB', 'UnHealthyHostCount', 'networkLoadBalancer')?.measure).toBe('lbUnhealthy');
  });

  it('an alarm on a metric its resource does not publish stays INSUFFICIENT_DATA and never scales', () => {
    const run = (namespace: string) => {
      const d = designBuilder();
      d.stack('web', 'us-east-1');
      const net = d.network('Main', 'us-east-1', ['a', 'b']);
      const tg = d.targetGroup('Targets');
      d.loadBalancer('Lb', net.subnets, [tg]);
      const group = d.group('Web', net.subnets, [tg], { desired: 4, max: 10 });
      const policy = d.add('ScaleOut', 'scalingPolicy', { group, policyType: 'SimpleScaling', adjustment: 2, cooldownS: 300 });
      d.add('CpuHigh', 'alarm', alarmProps({ metric: 'CPUUtilization', namespace, statistic: 'Average', subject: group, comparison: 'GreaterThanThreshold', threshold: 60, evaluationPeriods: 3, alarmActions: [policy] }));
      const world = createWorld(d.design, scenario({ traffic: [{ area: 'north-america', baselineRps: 1000 }] }), 2);
      runUntil(world, 900);
      return world;
    };
    const right = run('AWS/EC2');
    expect(said(right, /CpuHigh is ALARM/).length).toBeGreaterThan(0);
    expect(right.state.asgDesired[0]).toBeGreaterThan(4);
    const wrong = run('AWS/RDS');
    expect(wrong.topo.warnings).toContainEqual(expect.objectContaining({ code: 'warnUnwatchedMetric' }));
    expect(wrong.state.alarmState[0]).toBe(ALARM_INSUFFICIENT);
    expect(wrong.state.asgDesired[0]).toBe(4);
  });
});

describe('AWS/RDS DatabaseConnections', () => {
  it("is the database's queries in flight, and exists for a DB instance only", () => {
    const { b, asg, db } = webTier({ db: {} });
    b.add('Busy', 'alarm', alarmProps({ metric: 'DatabaseConnections', namespace: 'AWS/RDS', statistic: 'Average', subject: db, comparison: 'GreaterThanThreshold', threshold: 0, evaluationPeriods: 1 }));
    b.add('OnGroup', 'alarm', alarmProps({ metric: 'DatabaseConnections', namespace: 'AWS/RDS', statistic: 'Average', subject: asg, comparison: 'GreaterThanThreshold', threshold: 0, evaluationPeriods: 1 }));
    const world = createWorld(b.design, scenario({ traffic: [{ area: 'north-america', baselineRps: 400 }] }), 1);
    runUntil(world, 300);
    expect(world.state.alarmState[0]).toBe(ALARM_ALARM);
    expect(world.state.alarmState[1]).toBe(ALARM_INSUFFICIENT);
  });
});

describe('EC2 status checks and alarm actions', () => {
  it('recover moves a lone instance off its failed host; without it the instance stays down', () => {
    const saved = loneServer({ notifications: [RECOVER] });
    const slot = slotsOf(saved, 'Server')[0]!;
    runUntil(saved, 600 + 115);
    expect(saved.state.instState[slot]).toBe(FAILED);
    // Two one-minute datapoints of a failed system check (ending 660 and 720 s), then the recovery time.
    runUntil(saved, 725);
    expect(said(saved, /recovering legacy\/Server onto new hardware/)).toHaveLength(1);
    runUntil(saved, 725 + catalogue.ec2.recoverS.value + 10);
    expect(saved.state.instState[slot]).toBe(RUNNING);

    const lost = loneServer({ notifications: [] });
    runUntil(lost, 2400);
    expect(lost.state.alarmState[0]).toBe(ALARM_ALARM);
    expect(lost.state.instState[slotsOf(lost, 'Server')[0]!]).toBe(FAILED);
  });

  it('recover answers only StatusCheckFailed_System; a failed instance check needs a reboot', () => {
    const wrongMetric = loneServer({ metric: 'StatusCheckFailed_Instance', notifications: [RECOVER] }, 'instance');
    expect(wrongMetric.topo.warnings).toContainEqual(expect.objectContaining({ code: 'warnRecoverNeedsSystemCheck' }));
    runUntil(wrongMetric, 1500);
    expect(wrongMetric.state.instState[slotsOf(wrongMetric, 'Server')[0]!]).toBe(FAILED);

    const rebooted = loneServer({ metric: 'StatusCheckFailed_Instance', notifications: ['arn:aws:automate:us-east-1:ec2:reboot'] }, 'instance');
    runUntil(rebooted, 1500);
    expect(rebooted.state.instState[slotsOf(rebooted, 'Server')[0]!]).toBe(RUNNING);

    // A system check failure is not an instance check failure: the alarm on the instance check never fires.
    const otherCheck = loneServer({ metric: 'StatusCheckFailed_Instance', notifications: ['arn:aws:automate:us-east-1:ec2:reboot'] }, 'system');
    runUntil(otherCheck, 1500);
    expect(otherCheck.state.alarmState[0]).not.toBe(ALARM_ALARM);
  });

  it('a reboot does not fix a failed host', () => {
    const world = loneServer({ notifications: ['arn:aws:automate:us-east-1:ec2:reboot'] });
    runUntil(world, 1500);
    expect(said(world, /does not help: its host has failed/)).toHaveLength(1);
    expect(world.state.instState[slotsOf(world, 'Server')[0]!]).toBe(FAILED);
  });

  it('stop takes the instance out of service', () => {
    const d = designBuilder();
    d.stack('web', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a']);
    const server = d.instance('Server', net.subnets[0]!, 'm5.large');
    d.add('Busy', 'alarm', alarmProps({ metric: 'CPUUtilization', statistic: 'Average', subject: server, comparison: 'GreaterThanThreshold', threshold: 5, evaluationPeriods: 1, notifications: ['arn:aws:automate:us-east-1:ec2:stop'] }));
    const world = createWorld(d.design, scenario(), 1);
    runUntil(world, 130);
    expect(world.state.instState[slotsOf(world, 'Server')[0]!]).toBe(EMPTY);
    expect(said(world, /Busy: stopping legacy\/Server|Busy: stopping web\/Server/)).toHaveLength(1);
  });
});

describe('SNS notifications', () => {
  const topic = (subscribed: boolean): Design['unmodelled'] => [
    { stack: 0, logicalId: 'OnCall', type: 'AWS::SNS::Topic', body: { Type: 'AWS::SNS::Topic', Properties: {} }, reason: 'unmodelled-type' },
    ...(subscribed
      ? [{ stack: 0, logicalId: 'Pager', type: 'AWS::SNS::Subscription', body: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'OnCall' }, Protocol: 'email', Endpoint: 'oncall@example.com' } }, reason: 'unmodelled-type' as const }]
      : []),
  ];

  it('a subscribed topic tells its subscribers once, when the alarm goes to ALARM', () => {
    const world = loneServer({ notifications: ['OnCall'] }, 'system', topic(true));
    runUntil(world, 2400);
    const sent = said(world, /SNS topic legacy\/OnCall: alarm legacy\/Watch is ALARM; notified email:oncall@example.com/);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.tS).toBe(715);
  });

  it('a topic nobody subscribes to tells nobody', () => {
    const world = loneServer({ notifications: ['OnCall'] }, 'system', topic(false));
    expect(world.topo.warnings).toContainEqual(expect.objectContaining({ code: 'warnTopicWithoutSubscribers' }));
    runUntil(world, 2400);
    expect(world.state.alarmState[0]).toBe(ALARM_ALARM);
    expect(said(world, /SNS topic/)).toHaveLength(0);
  });
});
