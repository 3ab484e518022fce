// The SNS console in a match: Subscribe / Unsubscribe are intents the room checks, authorized by IAM as
// sns:Subscribe / sns:Unsubscribe on the topic's ARN, carried out by the sim's rule and recorded in CloudTrail;
// a refusal changes nothing but the log. A subscription made before the clock starts survives a design edit.
import { describe, expect, it } from 'vitest';
import { adoptNow, applyIntent } from '../../../shared/match/apply.ts';
import { createMatch } from '../../../shared/match/create.ts';
import { parseMatchIntent } from '../../../shared/match/intents.ts';
import type { Match } from '../../../shared/match/match.ts';
import { matchFingerprint, replayMatch } from '../../../shared/match/replay.ts';
import { runTick, type Queued } from '../../../shared/match/tick.ts';
import { hashWorld } from '../../../shared/sim/hash.ts';
import { subscribersOf } from '../../../shared/sim/topic-subscriptions.ts';
import { copyPlain } from '../../../shared/design/copy.ts';
import { exampleDesign, exampleScenario, host, user } from '../../support/match-fixtures.ts';

function setup() {
  const design = exampleDesign('alb-asg-multi-az');
  design.unmodelled.push({ stack: 0, logicalId: 'OnCall', type: 'AWS::SNS::Topic', body: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'on-call' } }, reason: 'unmodelled-type' });
  return { mode: 'team' as const, scenario: exampleScenario('az-outage'), seed: 7, design, teams: [{ id: 'red', name: 'red' }] };
}

function topicRef(match: Match): string {
  return `${match.teams[0]!.world.design.stacks[0]!.name}/OnCall`;
}

const sub = (topic: string, endpoint = 'ana@example.com') => ({ type: 'subscribe' as const, topic, protocol: 'email', endpoint });

describe('the SNS console in a match', () => {
  it('is an intent the room accepts from a client, and refuses an unknown key', () => {
    expect(parseMatchIntent(sub('web/OnCall'))).toMatchObject({ ok: true });
    expect(parseMatchIntent({ ...sub('web/OnCall'), extra: 1 })).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
  });

  it('subscribes and unsubscribes, recorded as sns:Subscribe and sns:Unsubscribe on the topic', () => {
    const match = createMatch(setup());
    const topic = topicRef(match);
    expect(applyIntent(match, host(), sub(topic), 0)).toMatchObject({ ok: true });
    expect(match.trail.at(-1)).toMatchObject({ eventSource: 'sns.amazonaws.com', eventName: 'Subscribe', outcome: 'Success', resource: topic });
    expect(subscribersOf(match.teams[0]!.world, 0)).toEqual(['email:ana@example.com']);
    expect(applyIntent(match, host(), { ...sub(topic), type: 'unsubscribe' }, 0)).toMatchObject({ ok: true });
    expect(match.trail.at(-1)).toMatchObject({ eventName: 'Unsubscribe', outcome: 'Success' });
    expect(subscribersOf(match.teams[0]!.world, 0)).toEqual([]);
  });

  it("refuses the sim's bad cases with their codes, changing nothing but the log", () => {
    const match = createMatch(setup());
    const before = hashWorld(match.teams[0]!.world);
    const lines = match.teams[0]!.world.timeline.length;
    expect(applyIntent(match, host(), sub(topicRef(match), 'nobody'), 0)).toMatchObject({ ok: false, refusal: { code: 'invalid-endpoint' } });
    expect(match.trail.at(-1)).toMatchObject({ eventName: 'Subscribe', outcome: 'Failure', errorCode: 'invalid-endpoint' });
    expect(applyIntent(match, host(), sub('web/Missing'), 0)).toMatchObject({ ok: false, refusal: { code: 'unknown-topic' } });
    expect(applyIntent(match, host(), { ...sub(topicRef(match)), type: 'unsubscribe' }, 0)).toMatchObject({ ok: false, refusal: { code: 'subscription-not-found' } });
    expect(hashWorld(match.teams[0]!.world)).toBe(before);
    expect(match.teams[0]!.world.timeline.length).toBe(lines);
  });

  it('is authorized by IAM: ReadOnlyAccess may not subscribe (AccessDenied naming sns:Subscribe), a policy allowing sns:Subscribe may', () => {
    const match = createMatch(setup());
    const topic = topicRef(match);
    applyIntent(match, host(), { type: 'iam', request: { op: 'createUser', name: 'ana' } }, 0);
    applyIntent(match, host(), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'ReadOnlyAccess' } } }, 0);
    expect(applyIntent(match, user('ana'), sub(topic), 0)).toMatchObject({ ok: false, refusal: { code: 'AccessDenied', message: expect.stringContaining('sns:Subscribe') } });
    expect(match.trail.at(-1)).toMatchObject({ eventName: 'Subscribe', outcome: 'Failure', errorCode: 'AccessDenied' });
    expect(subscribersOf(match.teams[0]!.world, 0)).toEqual([]);
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sns:Subscribe', Resource: 'arn:aws:sns:*:*:on-call' }] };
    applyIntent(match, host(), { type: 'iam', request: { op: 'putInlinePolicy', to: { kind: 'user', name: 'ana' }, name: 'pager', document } }, 0);
    expect(applyIntent(match, user('ana'), sub(topic), 0)).toMatchObject({ ok: true });
    // Allowed to subscribe is not allowed to unsubscribe.
    expect(applyIntent(match, user('ana'), { ...sub(topic), type: 'unsubscribe' }, 0)).toMatchObject({ ok: false, refusal: { code: 'AccessDenied', message: expect.stringContaining('sns:Unsubscribe') } });
  });

  it('a subscription made before the clock starts survives a design edit, and a replay of the log makes it again', () => {
    const match = createMatch(setup());
    const topic = topicRef(match);
    const cursor = new Map<string, number>();
    let seq = 0;
    const tick = (intents: Queued['intent'][], steps: number) => runTick(match, intents.map((intent) => ({ seq: seq++, actor: host(), intent, wallMs: 1_000 + seq })), steps, 0, cursor);
    tick([sub(topic)], 0);
    adoptNow(match, match.teams[0]!, copyPlain(match.teams[0]!.world.design));
    expect(subscribersOf(match.teams[0]!.world, 0)).toEqual(['email:ana@example.com']);
    tick([{ type: 'clock', command: 'start' }], 10);
    tick([sub(topic, 'red@example.com')], 10);
    const replayed = replayMatch(setup(), match.trail, match.clock.step);
    expect(matchFingerprint(replayed)).toEqual(matchFingerprint(match));
    expect(subscribersOf(replayed.teams[0]!.world, 0)).toEqual(['email:ana@example.com', 'email:red@example.com']);
  });
});
