// A player buys a Compute Savings Plan from the room (the intent purchaseSavingsPlan): checked by IAM as
// savingsplans:CreateSavingsPlan, carried out by the sim's rule, recorded in CloudTrail; a refusal changes nothing.
import { describe, expect, it } from 'vitest';
import { applyIntent } from '../../../shared/match/apply.ts';
import { costView } from '../../../shared/match/cost-view.ts';
import { parseMatchIntent } from '../../../shared/match/intents.ts';
import { matchFingerprint, replayMatch } from '../../../shared/match/replay.ts';
import { runTick, type Queued } from '../../../shared/match/tick.ts';
import { hashWorld } from '../../../shared/sim/hash.ts';
import { T_COST } from '../../../shared/sim/state.ts';
import { exampleDesign, exampleScenario, host, testMatch, user } from '../../support/match-fixtures.ts';
import { runUntil } from '../sim/probes.ts';

const buy = (hourlyCommitmentUsd: number, term = '1y', paymentOption = 'NO_UPFRONT') => ({ type: 'purchaseSavingsPlan' as const, hourlyCommitmentUsd, term, paymentOption });

describe('buying a Savings Plan during a match', () => {
  it('is an intent the room accepts from a client', () => {
    expect(parseMatchIntent(buy(0.05))).toMatchObject({ ok: true });
    expect(parseMatchIntent({ ...buy(0.05), extra: 1 })).toMatchObject({ ok: false, refusal: { code: 'malformed' } });
  });

  it('commits the spend and changes the bill, recorded as savingsplans:CreateSavingsPlan', () => {
    const bought = testMatch();
    const twin = testMatch();
    expect(applyIntent(bought, host(), buy(0.05, '3y', 'ALL_UPFRONT'), 0)).toMatchObject({ ok: true });
    expect(bought.trail.at(-1)).toMatchObject({ eventSource: 'savingsplans.amazonaws.com', eventName: 'CreateSavingsPlan', outcome: 'Success' });
    const [w, v] = [bought.teams[0]!.world, twin.teams[0]!.world];
    runUntil(w, 3600);
    runUntil(v, 3600);
    expect(costView(w).savingsPlan).toMatchObject({ hourlyCommitmentUsd: 0.05, term: '3y', paymentOption: 'ALL_UPFRONT' });
    expect(costView(v).savingsPlan).toBeNull();
    expect(w.state.tally[T_COST]).not.toBeCloseTo(v.state.tally[T_COST]!, 6);
  });

  it('refuses a bad term, a bad payment option, a bad amount and a second plan, changing nothing but the log', () => {
    const match = testMatch();
    const world = () => match.teams[0]!.world;
    const before = hashWorld(world());
    const refusals: [ReturnType<typeof buy>, string, RegExp][] = [
      [buy(0.05, '2y'), 'invalid-term', /1y or 3y/],
      [buy(0.05, '1y', 'SOME_UPFRONT'), 'invalid-payment-option', /NO_UPFRONT, PARTIAL_UPFRONT, ALL_UPFRONT/],
      [buy(0), 'invalid-commitment', /0\.001 to 1,000,000 USD/],
      [buy(-1), 'invalid-commitment', /hourly commitment/],
      [buy(0.1234567), 'invalid-commitment', /five decimals/],
      [buy(2_000_000), 'invalid-commitment', /hourly commitment/],
    ];
    for (const [bad, code, message] of refusals) {
      const r = applyIntent(match, host(), bad, 0);
      expect(r).toMatchObject({ ok: false, refusal: { code, message: expect.stringMatching(message) } });
      expect(match.trail.at(-1)).toMatchObject({ eventName: 'CreateSavingsPlan', outcome: 'Failure', errorCode: code });
    }
    expect(hashWorld(world())).toBe(before);
    expect(world().state.savingsPlan.length).toBe(0);
    expect(applyIntent(match, host(), buy(0.05), 0)).toMatchObject({ ok: true });
    const once = hashWorld(world());
    expect(applyIntent(match, host(), buy(0.07, '3y'), 0)).toMatchObject({ ok: false, refusal: { code: 'savings-plan-exists' } });
    expect(hashWorld(world())).toBe(once);
    expect(costView(world()).savingsPlan).toMatchObject({ hourlyCommitmentUsd: 0.05, term: '1y' });
  });

  it('is authorized by IAM like any other call: ReadOnlyAccess may not buy one', () => {
    const match = testMatch();
    applyIntent(match, host(), { type: 'iam', request: { op: 'createUser', name: 'ana' } }, 0);
    applyIntent(match, host(), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'ReadOnlyAccess' } } }, 0);
    const before = hashWorld(match.teams[0]!.world);
    expect(applyIntent(match, user('ana'), buy(0.05), 0)).toMatchObject({ ok: false, refusal: { code: 'AccessDenied', message: expect.stringContaining('savingsplans:CreateSavingsPlan') } });
    expect(hashWorld(match.teams[0]!.world)).toBe(before);
    applyIntent(match, host(), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'PowerUserAccess' } } }, 0);
    expect(applyIntent(match, user('ana'), buy(0.05), 0)).toMatchObject({ ok: true });
  });

  it('is replayed from the log: the bought plan and the refused second one come back the same', () => {
    const match = testMatch();
    const cursor = new Map<string, number>();
    let seq = 0;
    const tick = (intents: ReturnType<typeof buy>[] | { type: 'clock'; command: 'start' }[], steps: number) => {
      const queue: Queued[] = intents.map((intent) => ({ seq: seq++, actor: host(), intent, wallMs: 1_000 + seq }));
      runTick(match, queue, steps, 0, cursor);
    };
    tick([{ type: 'clock', command: 'start' }], 10);
    tick([buy(0.05, '3y', 'PARTIAL_UPFRONT')], 30);
    tick([buy(0.08)], 30);
    expect(costView(match.teams[0]!.world).savingsPlan).toMatchObject({ hourlyCommitmentUsd: 0.05, term: '3y' });
    const setup = { mode: 'team' as const, scenario: exampleScenario('az-outage'), seed: 7, design: exampleDesign('alb-asg-multi-az'), teams: [{ id: 'red', name: 'red' }] };
    const replayed = replayMatch(setup, match.trail, match.clock.step);
    expect(matchFingerprint(replayed)).toEqual(matchFingerprint(match));
    expect(costView(replayed.teams[0]!.world).savingsPlan).toMatchObject({ hourlyCommitmentUsd: 0.05, term: '3y', paymentOption: 'PARTIAL_UPFRONT' });
  });
});
