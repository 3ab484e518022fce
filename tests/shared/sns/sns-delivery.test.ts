// SNS as a working tool: who an email endpoint is (a player by nickname, a team by name), subscriptions made in
// the SNS console beside the template's, alarm OKActions and InsufficientDataActions, budget alerts to EMAIL and
// SNS subscribers, and a player's inbox holding exactly what reached them.
import { describe, expect, it } from 'vitest';
import type { Design, ResourceOfKind } from '../../../shared/design/model.ts';
import { applyAction } from '../../../shared/sim/actions.ts';
import { ALARM_INSUFFICIENT, ALARM_OK } from '../../../shared/sim/constants.ts';
import { hashWorld, restoreWorld, snapshotWorld } from '../../../shared/sim/hash.ts';
import { subscribersOf, topicViews } from '../../../shared/sim/topic-subscriptions.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { reaches } from '../../../shared/sns/endpoints.ts';
import { inboxOf } from '../../../shared/sns/inbox.ts';
import { designBuilder, scenario } from '../sim/builders.ts';
import { runUntil } from '../sim/probes.ts';

type AlarmProps = ResourceOfKind<'alarm'>['props'];

const topicOnly: Design['unmodelled'] = [{ stack: 0, logicalId: 'OnCall', type: 'AWS::SNS::Topic', body: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'on-call' } }, reason: 'unmodelled-type' }];
const withTemplateSubscription: Design['unmodelled'] = [
  ...topicOnly,
  { stack: 0, logicalId: 'Pager', type: 'AWS::SNS::Subscription', body: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'OnCall' }, Protocol: 'email', Endpoint: 'red@example.com' } }, reason: 'unmodelled-type' },
];

/** A lone server whose host fails at 600 s, an alarm on its system status check, and the SNS topic OnCall. */
function loneServer(alarm: Partial<AlarmProps>, topics: Design['unmodelled'] = topicOnly): World {
  const d = designBuilder();
  d.stack('legacy', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a']);
  const server = d.instance('Server', net.subnets[0]!, 'm5.large');
  d.add('Watch', 'alarm', {
    metric: 'StatusCheckFailed_System',
    namespace: 'AWS/EC2',
    statistic: 'Maximum',
    comparison: 'GreaterThanOrEqualToThreshold',
    threshold: 1,
    periodS: 60,
    evaluationPeriods: 2,
    alarmActions: [],
    notifications: [],
    subject: server,
    ...alarm,
  });
  d.design.unmodelled.push(...topics);
  return createWorld(d.design, scenario({ events: [{ type: 'instance-failure', atS: 600, params: { count: 1, target: 'Server', check: 'system' } }] }), 3);
}

const deliveries = (world: World, code = 'snsNotified') => world.timeline.filter((e) => e.code === code);
// Ana and bo play on one team (the one whose world these tests run); cy plays on none (a classroom's host).
const ana = { nickname: 'Ana', teamName: 'Red Team', teamId: 'red', teammates: ['bo'] };
const bo = { nickname: 'bo', teamName: 'Red Team', teamId: 'red', teammates: ['Ana'] };
const cy = { nickname: 'cy' };

describe('who an SNS endpoint is', () => {
  it("a teammate's nickname is that player's own mailbox; any other address is the team's, read by all of it; the domain does not matter", () => {
    expect(reaches('email:ana@example.com', ana)).toBe(true);
    expect(reaches('email:ANA@corp.example.org', ana)).toBe(true);
    expect(reaches('email-json:ana@example.com', ana)).toBe(true);
    expect(reaches('email:ana@example.com', bo)).toBe(false);
    expect(reaches('email:red-team@example.com', ana)).toBe(true);
    expect(reaches('email:red-team@example.com', bo)).toBe(true);
    // A real template's on-call list (level 23's legacy-server.yaml) pages the team that deployed it.
    expect(reaches('email:oncall@example.com', ana)).toBe(true);
    expect(reaches('email:oncall@example.com', bo)).toBe(true);
    // Someone with no team reads only their own mailbox.
    expect(reaches('email:oncall@example.com', cy)).toBe(false);
    expect(reaches('email:cy@example.com', cy)).toBe(true);
  });

  it('other protocols deliver outside the game, and a malformed address reaches nobody', () => {
    expect(reaches('sms:+15550100', ana)).toBe(false);
    expect(reaches('https:https://ana.example.com/hook', ana)).toBe(false);
    expect(reaches('email:ana', ana)).toBe(false);
    expect(reaches('email:@example.com', ana)).toBe(false);
  });
});

describe('subscribing from the SNS console', () => {
  it('a topic nobody subscribes to tells nobody; once a player subscribes, the alarm reaches them and only them', () => {
    const silent = loneServer({ notifications: ['OnCall'] });
    runUntil(silent, 1200);
    expect(deliveries(silent)).toHaveLength(0);

    const world = loneServer({ notifications: ['OnCall'] });
    expect(applyAction(world, { type: 'sns-subscribe', topic: 'legacy/OnCall', protocol: 'email', endpoint: 'ana@example.com' })).toEqual({ ok: true });
    runUntil(world, 1200);
    const sent = deliveries(world);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.values).toMatchObject({ state: 'ALARM', endpoints: ['email:ana@example.com'] });
    expect(inboxOf(world.timeline, ana)).toEqual(sent);
    expect(inboxOf(world.timeline, bo)).toEqual([]);
  });

  it("the level's template list (oncall@example.com) pages every player of the team that owns the stack", () => {
    const pager: Design['unmodelled'] = [
      ...topicOnly,
      { stack: 0, logicalId: 'Pager', type: 'AWS::SNS::Subscription', body: { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: { Ref: 'OnCall' }, Protocol: 'email', Endpoint: 'oncall@example.com' } }, reason: 'unmodelled-type' },
    ];
    const world = loneServer({ notifications: ['OnCall'] }, pager);
    runUntil(world, 1200);
    const sent = deliveries(world);
    expect(sent).toHaveLength(1);
    expect(inboxOf(world.timeline, ana)).toEqual(sent);
    expect(inboxOf(world.timeline, bo)).toEqual(sent);
  });

  it('Subscribe on an endpoint the topic has changes nothing; Unsubscribe ends it', () => {
    const world = loneServer({ notifications: ['OnCall'] });
    const sub = { type: 'sns-subscribe', topic: 'legacy/OnCall', protocol: 'email', endpoint: 'ana@example.com' } as const;
    applyAction(world, sub);
    const once = hashWorld(world);
    const lines = world.timeline.length;
    expect(applyAction(world, sub)).toEqual({ ok: true });
    expect(world.timeline.length).toBe(lines);
    expect(hashWorld(world)).toBe(once);
    expect(applyAction(world, { ...sub, type: 'sns-unsubscribe' })).toEqual({ ok: true });
    expect(subscribersOf(world, 0)).toEqual([]);
    runUntil(world, 1200);
    expect(deliveries(world)).toHaveLength(0);
  });

  it('refuses an unknown topic, another protocol, a bad address, an unknown subscription and a template subscription, changing nothing', () => {
    const world = loneServer({ notifications: ['OnCall'] }, withTemplateSubscription);
    const lines = world.timeline.length;
    const bad: [Record<string, string>, string][] = [
      [{ type: 'sns-subscribe', topic: 'legacy/Nothing', protocol: 'email', endpoint: 'ana@example.com' }, 'unknown-topic'],
      [{ type: 'sns-subscribe', topic: 'legacy/OnCall', protocol: 'sms', endpoint: '+15550100' }, 'invalid-protocol'],
      [{ type: 'sns-subscribe', topic: 'legacy/OnCall', protocol: 'email', endpoint: 'not an address' }, 'invalid-endpoint'],
      [{ type: 'sns-unsubscribe', topic: 'legacy/OnCall', protocol: 'email', endpoint: 'ana@example.com' }, 'subscription-not-found'],
      [{ type: 'sns-unsubscribe', topic: 'legacy/OnCall', protocol: 'email', endpoint: 'red@example.com' }, 'subscription-in-template'],
    ];
    for (const [action, code] of bad) expect(applyAction(world, action)).toMatchObject({ ok: false, code });
    expect(world.timeline.length).toBe(lines);
  });

  it("the console's subscriptions and the template's are listed apart, and survive a rebuild and a snapshot", () => {
    const world = loneServer({ notifications: ['OnCall'] }, withTemplateSubscription);
    applyAction(world, { type: 'sns-subscribe', topic: 'legacy/OnCall', protocol: 'email', endpoint: 'bo@example.com' });
    expect(topicViews(world)).toEqual([
      { topic: 'legacy/OnCall', subscriptions: [{ subscriber: 'email:red@example.com', fromTemplate: true }, { subscriber: 'email:bo@example.com', fromTemplate: false }] },
    ]);
    applyAction(world, { type: 'update-design', design: structuredClone(world.design) });
    expect(subscribersOf(world, 0)).toEqual(['email:red@example.com', 'email:bo@example.com']);
    const restored = restoreWorld(snapshotWorld(world));
    expect(subscribersOf(restored, 0)).toEqual(['email:red@example.com', 'email:bo@example.com']);
    runUntil(restored, 1200);
    expect(inboxOf(restored.timeline, ana)).toHaveLength(1);
    expect(inboxOf(restored.timeline, bo)).toHaveLength(1);
  });
});

describe('OKActions and InsufficientDataActions', () => {
  it('a topic under OKActions hears the alarm enter OK (the first evaluation too), not ALARM', () => {
    const world = loneServer({ okActions: ['OnCall'] }, withTemplateSubscription);
    runUntil(world, 1200);
    const sent = deliveries(world);
    expect(sent.map((e) => e.values.state)).toEqual(['OK']);
    expect(sent[0]!.tS).toBeLessThan(600);
    const none = loneServer({}, withTemplateSubscription);
    runUntil(none, 1200);
    expect(deliveries(none)).toHaveLength(0);
  });

  it('a topic under InsufficientDataActions hears the alarm lose its metric (its instance deleted)', () => {
    const world = loneServer({ insufficientDataActions: ['OnCall'] }, withTemplateSubscription);
    runUntil(world, 300);
    expect(world.state.alarmState[0]).toBe(ALARM_OK);
    expect(applyAction(world, { type: 'delete-resource', stack: 'legacy', logicalId: 'Server' })).toEqual({ ok: true });
    runUntil(world, 420);
    expect(world.state.alarmState[0]).toBe(ALARM_INSUFFICIENT);
    expect(deliveries(world).map((e) => e.values.state)).toEqual(['INSUFFICIENT_DATA']);
  });
});

describe('budget alerts to subscribers', () => {
  function budgeted(subscribers: ResourceOfKind<'budget'>['props']['notifications'][number]['subscribers'], type: 'ACTUAL' | 'FORECASTED' = 'ACTUAL'): World {
    const d = designBuilder();
    d.stack('web', 'us-east-1');
    const net = d.network('Main', 'us-east-1', ['a']);
    d.instance('Server', net.subnets[0]!, 'm5.large');
    d.add('Budget', 'budget', { name: 'team', amountUsd: 0.1, notifications: [{ notificationType: type, thresholdPct: 50, ...(subscribers ? { subscribers } : {}) }] });
    d.design.unmodelled.push(...topicOnly);
    return createWorld(d.design, scenario({ durationS: 7200, traffic: [{ area: 'north-america', baselineRps: 0 }] }), 1);
  }

  it('EMAIL goes to the addressed player; without subscribers the alert reaches nobody', () => {
    const world = budgeted([{ type: 'EMAIL', address: 'ana@example.com' }]);
    runUntil(world, 7200);
    const sent = deliveries(world, 'budgetNotified');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.values).toMatchObject({ notification: 'ACTUAL', endpoints: ['email:ana@example.com'] });
    expect(inboxOf(world.timeline, ana)).toEqual(sent);
    expect(inboxOf(world.timeline, bo)).toEqual([]);
    const nobody = budgeted(undefined);
    runUntil(nobody, 7200);
    expect(deliveries(nobody, 'budgetActualPassed')).toHaveLength(1);
    expect(deliveries(nobody, 'budgetNotified')).toHaveLength(0);
  });

  it("SNS goes to the topic's subscribers at the time (a console subscription included), on the forecast too", () => {
    const world = budgeted([{ type: 'SNS', address: 'OnCall' }], 'FORECASTED');
    applyAction(world, { type: 'sns-subscribe', topic: 'web/OnCall', protocol: 'email', endpoint: 'blue@example.com' });
    runUntil(world, 7200);
    const sent = deliveries(world, 'budgetNotified');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.values).toMatchObject({ notification: 'FORECASTED', via: 'web/OnCall', endpoints: ['email:blue@example.com'] });
    // The same step as the forecast alert: one forecast rule (money.ts forecastSpendUsd) for both.
    expect(sent[0]!.tS).toBe(deliveries(world, 'budgetForecastPassed')[0]!.tS);
    expect(inboxOf(world.timeline, bo)).toEqual(sent);
    const silent = budgeted([{ type: 'SNS', address: 'OnCall' }], 'FORECASTED');
    runUntil(silent, 7200);
    expect(deliveries(silent, 'budgetNotified')).toHaveLength(0);
  });
});
