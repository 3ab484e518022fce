// A player buys Reserved Instances from the room (intent purchaseReservedInstances): checked by IAM as
// ec2:PurchaseReservedInstancesOffering, carried out by the sim's rule, recorded in CloudTrail; a refusal changes nothing.
import { describe, expect, it } from 'vitest';
import { applyIntent } from '../../../shared/match/apply.ts';
import { costView } from '../../../shared/match/cost-view.ts';
import { parseMatchIntent } from '../../../shared/match/intents.ts';
import { matchFingerprint, replayMatch } from '../../../shared/match/replay.ts';
import { runTick, type Queued } from '../../../shared/match/tick.ts';
import { hashWorld } from '../../../shared/sim/hash.ts';
import { exampleDesign, exampleScenario, host, testMatch, user } from '../../support/match-fixtures.ts';

const buy = (count: number, instanceType = 't3.medium', region = 'us-east-1') => ({ type: 'purchaseReservedInstances' as const, instanceType, region, count, term: '1y', paymentOption: 'NO_UPFRONT' });

describe('buying Reserved Instances during a match', () => {
  it('is an intent the room accepts from a client', () => {
    expect(parseMatchIntent(buy(2))).toMatchObject({ ok: true });
    expect(parseMatchIntent({ ...buy(2), extra: 1 })).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
    expect(parseMatchIntent({ ...buy(2), count: 'two' })).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
  });

  it('is recorded as ec2:PurchaseReservedInstancesOffering, and a refusal changes nothing but the log', () => {
    const match = testMatch();
    const world = () => match.teams[0]!.world;
    const before = hashWorld(world());
    expect(applyIntent(match, host(), buy(0), 0)).toMatchObject({ ok: false, refusal: { code: 'invalid-instance-count' } });
    expect(match.trail.at(-1)).toMatchObject({ eventSource: 'ec2.amazonaws.com', eventName: 'PurchaseReservedInstancesOffering', outcome: 'Failure' });
    expect(hashWorld(world())).toBe(before);
    expect(applyIntent(match, host(), buy(2), 0)).toMatchObject({ ok: true });
    expect(match.trail.at(-1)).toMatchObject({ eventName: 'PurchaseReservedInstancesOffering', outcome: 'Success' });
    expect(costView(world()).reserved?.purchases).toEqual([{ instanceType: 't3.medium', region: 'us-east-1', count: 2, term: '1y', paymentOption: 'NO_UPFRONT', discountPct: 36 }]);
  });

  it('is authorized by IAM: ReadOnlyAccess may not buy, PowerUserAccess may', () => {
    const match = testMatch();
    applyIntent(match, host(), { type: 'iam', request: { op: 'createUser', name: 'ana' } }, 0);
    applyIntent(match, host(), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'ReadOnlyAccess' } } }, 0);
    const before = hashWorld(match.teams[0]!.world);
    expect(applyIntent(match, user('ana'), buy(2), 0)).toMatchObject({ ok: false, refusal: { code: 'AccessDenied', message: expect.stringContaining('ec2:PurchaseReservedInstancesOffering') } });
    expect(hashWorld(match.teams[0]!.world)).toBe(before);
    applyIntent(match, host(), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'PowerUserAccess' } } }, 0);
    expect(applyIntent(match, user('ana'), buy(2), 0)).toMatchObject({ ok: true });
  });

  it('is replayed from the log', () => {
    const match = testMatch();
    const cursor = new Map<string, number>();
    let seq = 0;
    const tick = (intents: object[], steps: number) => {
      const queue = intents.map((intent) => ({ seq: seq++, actor: host(), intent, wallMs: 1_000 + seq })) as Queued[];
      runTick(match, queue, steps, 0, cursor);
    };
    tick([{ type: 'clock', command: 'start' }], 10);
    tick([buy(2)], 30);
    tick([buy(1, 'm5.large', 'us-west-2')], 30);
    const setup = { mode: 'team' as const, scenario: exampleScenario('az-outage'), seed: 7, design: exampleDesign('alb-asg-multi-az'), teams: [{ id: 'red', name: 'red' }] };
    const replayed = replayMatch(setup, match.trail, match.clock.step);
    expect(matchFingerprint(replayed)).toEqual(matchFingerprint(match));
    expect(costView(replayed.teams[0]!.world).reserved?.purchases).toHaveLength(2);
  });
});
