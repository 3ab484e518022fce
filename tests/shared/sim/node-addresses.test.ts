import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../shared/catalogue/index.ts';
import { STEP_SECONDS } from '../../../shared/sim/constants.ts';
import type { ResourceOfKind } from '../../../shared/design/model.ts';
import { step } from '../../../shared/sim/step.ts';
import { timelineSentence } from '../../../shared/sim/timeline-text.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { scenario, webTier } from './builders.ts';
import { now } from './probes.ts';

// A load balancer's DNS name answers with its nodes' addresses (one per enabled AZ) and clients keep them for the
// ELB's TTL: when an AZ goes dark, the clients holding that node's address fail until their caches expire (the
// share falls from the node's share to none over one TTL). Global Accelerator's static addresses avoid the wait.

const TTL = catalogue.loadBalancing.nodeAddressTtlS.value;
const OUTAGE_AT = 600;

type Entry = 'alb' | 'nlb' | 'accelerator';

/**
 * A load balancer with nodes in a, b and c; zone b goes dark at OUTAGE_AT. The ALB's and the accelerator's
 * targets are in a and c only (cross-zone on: node b sends to them), so nothing fails but what reaches node b.
 * The NLB (cross-zone off) has targets in all three: node b is in DNS, and its own targets are reached only through it.
 */
function world(entry: Entry, opts: { nlbTargetsInB?: boolean; outageAt?: number } = {}): World {
  const nlb = entry === 'nlb';
  const zones = nlb && opts.nlbTargetsInB !== false ? ['a', 'b', 'c'] : ['a', 'c'];
  const { b, lb } = webTier({ zones, lbZones: ['a', 'b', 'c'], desired: zones.length * 2, crossZone: !nlb });
  if (nlb) (b.design.resources[lb]!.props as ResourceOfKind<'loadBalancer'>['props']).lbType = 'network';
  if (entry === 'accelerator') b.accelerator('Ga', [{ region: 'us-east-1', endpoints: [lb] }]);
  const s = scenario({ events: [{ type: 'az-outage', atS: opts.outageAt ?? OUTAGE_AT, durationS: 1200, params: { zone: 'us-east-1b' } }] });
  return createWorld(b.design, s, 1);
}

/** Failed ÷ offered requests in each step of [from, to). */
function failedByStep(w: World, from: number, to: number): number[] {
  const out: number[] = [];
  while (now(w) < to) {
    const t = now(w);
    step(w);
    if (t >= from) out.push(w.last.failed / w.last.requests);
  }
  return out;
}

describe("clients keep a load balancer node's address for the ELB's DNS TTL", () => {
  it("through an ALB with nodes in three AZs, a third of the users fail as the AZ goes dark, falling to none over one TTL", () => {
    const w = world('alb');
    expect(failedByStep(w, 0, OUTAGE_AT).every((f) => f === 0)).toBe(true);
    const during = failedByStep(w, OUTAGE_AT, OUTAGE_AT + TTL);
    expect(during[0]).toBeCloseTo(1 / 3, 6);
    for (let k = 1; k < during.length; k++) expect(during[k]!).toBeLessThan(during[k - 1]!);
    expect(during.at(-1)!).toBeGreaterThan(0);
    // After one TTL every cache has expired: the node's address is no longer given out or held.
    expect(failedByStep(w, OUTAGE_AT + TTL, OUTAGE_AT + 600).every((f) => f === 0)).toBe(true);
  });

  it("an NLB's per-AZ address stops answering the same way", () => {
    const w = world('nlb');
    failedByStep(w, 0, OUTAGE_AT);
    const during = failedByStep(w, OUTAGE_AT, OUTAGE_AT + TTL);
    expect(during[0]).toBeCloseTo(1 / 3, 6);
    expect(during.at(-1)!).toBeGreaterThan(0);
    // (The group moving its capacity out of the dark AZ costs a few requests in a million, not the node's share.)
    expect(Math.max(...failedByStep(w, OUTAGE_AT + TTL, OUTAGE_AT + 600))).toBeLessThan(1e-3);
  });

  it("an NLB node with no target in its AZ (cross-zone off) was never in DNS: nobody holds its address", () => {
    const w = world('nlb', { nlbTargetsInB: false });
    expect(failedByStep(w, 0, OUTAGE_AT + 600).every((f) => f === 0)).toBe(true);
  });

  it('Global Accelerator in front (static anycast addresses, no DNS) loses nothing', () => {
    const w = world('accelerator');
    expect(failedByStep(w, 0, OUTAGE_AT + 600).every((f) => f === 0)).toBe(true);
  });

  it('says so in the timeline, in the step the AZ goes dark', () => {
    const w = world('alb');
    failedByStep(w, 0, OUTAGE_AT + TTL);
    const entries = w.timeline.filter((e) => e.code === 'lbNodeCached');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.tS).toBe(OUTAGE_AT);
    expect(timelineSentence(entries[0]!)).toBe(`web/Lb: clients that cached its node's address in us-east-1b (about 33%) keep trying it until the DNS TTL (${TTL} s) runs out`);
    const ga = world('accelerator');
    failedByStep(ga, 0, OUTAGE_AT + TTL);
    expect(ga.timeline.some((e) => e.code === 'lbNodeCached')).toBe(false);
  });
});

describe('the cost of the cached addresses, wherever the outage falls', () => {
  it('nothing fails before the AZ goes dark or a TTL after it; in between, at most the node\'s share for one TTL, and more than nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 900 }), (at) => {
        const w = world('alb', { outageAt: at });
        const before = failedByStep(w, 0, at);
        const firstDark = Math.ceil(at / STEP_SECONDS) * STEP_SECONDS;
        const during = failedByStep(w, now(w), firstDark + TTL);
        const after = failedByStep(w, now(w), firstDark + TTL + 300);
        expect(before.every((f) => f === 0)).toBe(true);
        expect(after.every((f) => f === 0)).toBe(true);
        const seconds = during.reduce((sum, f) => sum + f * STEP_SECONDS, 0);
        expect(seconds).toBeGreaterThan(0);
        expect(seconds).toBeLessThanOrEqual((TTL / 3) * (1 + 1e-9));
        expect(Math.max(...during)).toBeLessThanOrEqual(1 / 3 + 1e-9);
      }),
      { numRuns: 12, seed: 14 },
    );
  });
});
