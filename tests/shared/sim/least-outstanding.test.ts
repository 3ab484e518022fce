// Least outstanding requests routes away from a slow target: by Little's law a slow target holds more requests
// in flight at the same rate, so it is picked less often. (A model that weighs by capacity alone would not.)

import { describe, expect, it } from 'vitest';
import { step } from '../../../shared/sim/step.ts';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { offeredTo, slotsOf } from './probes.ts';

function pool(types: string[], algorithm: 'least_outstanding_requests' | 'round_robin'): World {
  const d = designBuilder();
  d.stack('web', 'us-east-1');
  const net = d.network('Main', 'us-east-1', ['a', 'b']);
  const targets = types.map((t, i) => d.instance(`T${i}`, net.subnets[i % 2]!, t));
  const tg = d.targetGroup('Tg', targets, {}, algorithm);
  d.loadBalancer('Lb', net.subnets, [tg]);
  return createWorld(d.design, scenario({ traffic: [{ area: 'north-america', baselineRps: 200 }] }), 2);
}

const share = (world: World, id: string) => offeredTo(world, slotsOf(world, id)[0]!);

describe('least outstanding requests', () => {
  it('sends a busy target fewer new requests than its equal twin; round robin does not', () => {
    const busyShare = (algorithm: 'least_outstanding_requests' | 'round_robin') => {
      const world = pool(['m5.large', 'm5.large'], algorithm);
      step(world);
      // T0 ran at 95% in the last step (a noisy neighbour, a slow dependency): its requests take ×4.5 as long.
      world.state.instCpu[slotsOf(world, 'T0')[0]!] = 95;
      step(world);
      return share(world, 'T0') / (share(world, 'T0') + share(world, 'T1'));
    };
    expect(busyShare('least_outstanding_requests')).toBeLessThan(0.3);
    expect(busyShare('round_robin')).toBeCloseTo(0.5, 6);
  });

  it('sends the slower of two equally large types less (same capacity, longer base latency)', () => {
    // t3.medium and m3.medium: both 90 requests/s in the catalogue, 20 ms and 18 ms.
    const world = pool(['t3.medium', 'm3.medium'], 'least_outstanding_requests');
    step(world);
    expect(share(world, 'T0')).toBeLessThan(share(world, 'T1'));
  });

  it('equal targets at equal load get equal shares', () => {
    const world = pool(['m5.large', 'm5.large'], 'least_outstanding_requests');
    for (let k = 0; k < 5; k++) step(world);
    expect(share(world, 'T0')).toBeCloseTo(share(world, 'T1'), 6);
  });
});
