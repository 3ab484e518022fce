import { describe, expect, it } from 'vitest';
import type { ResourceOfKind } from '../../../shared/design/model.ts';
import { step } from '../../../shared/sim/step.ts';
import { createWorld } from '../../../shared/sim/world.ts';
import { scenario, webTier } from './builders.ts';
import { now } from './probes.ts';

// A partner allow-lists the entry point's addresses: after the addresses of entry points without fixed ones
// change, its requests through an ALB fail; an NLB's static addresses and Global Accelerator's anycast ones stay.

type Entry = 'alb' | 'nlb' | 'accelerator';

function world(entry: Entry, allowList = true) {
  const { b, lb } = webTier({ desired: 3 });
  if (entry === 'nlb') (b.design.resources[lb]!.props as ResourceOfKind<'loadBalancer'>['props']).lbType = 'network';
  if (entry === 'accelerator') b.accelerator('Ga', [{ region: 'us-east-1', endpoints: [lb] }]);
  const s = scenario({
    traffic: [
      { area: 'north-america', baselineRps: 100 },
      { area: 'europe', baselineRps: 100 },
    ],
    ...(allowList ? { allowList: { areas: ['europe'], share: 0.5, addressesChangeAtS: 600 } } : {}),
  });
  return createWorld(b.design, s, 1);
}

/** Failed ÷ offered requests over the steps in [from, to). */
function failedShare(w: ReturnType<typeof world>, from: number, to: number): number {
  let failed = 0;
  let requests = 0;
  while (now(w) < to) {
    const t = now(w);
    step(w);
    if (t >= from) {
      failed += w.last.failed;
      requests += w.last.requests;
    }
  }
  return failed / requests;
}

describe("a partner's allow-list holds to fixed addresses", () => {
  it("through an ALB, the partner's share fails once the ALB's addresses change, not before", () => {
    const w = world('alb');
    expect(failedShare(w, 200, 600)).toBe(0);
    // Europe is half the traffic and the partner half of Europe: a quarter of all requests.
    expect(failedShare(w, 600, 1200)).toBeCloseTo(0.25, 3);
  });

  it("an NLB's static addresses and Global Accelerator's anycast addresses keep reaching the partner", () => {
    expect(failedShare(world('nlb'), 600, 1200)).toBe(0);
    expect(failedShare(world('accelerator'), 600, 1200)).toBe(0);
  });

  it('without a partner, an ALB loses nothing when its addresses change', () => {
    expect(failedShare(world('alb', false), 600, 1200)).toBe(0);
  });
});

describe('Elastic IPs on an NLB', () => {
  it('are billed as public IPv4 addresses, per address and hour', async () => {
    const { catalogue } = await import('../../../shared/catalogue/index.ts');
    const nlb = world('nlb');
    const withEips = (() => {
      const { b, lb } = webTier({ desired: 3 });
      const props = b.design.resources[lb]!.props as ResourceOfKind<'loadBalancer'>['props'];
      props.lbType = 'network';
      props.elasticIps = 3;
      return createWorld(b.design, scenario(), 1);
    })();
    expect(withEips.topo.fixedHourlyUsd - nlb.topo.fixedHourlyUsd).toBeCloseTo(3 * catalogue.networkLoadBalancer.publicIpv4HourlyUsd.value, 12);
  });
});
