import { describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../shared/sim/world.ts';
import { designBuilder, scenario } from './builders.ts';
import { runUntil } from './probes.ts';
import { timelineSentence } from '../../../shared/sim/timeline-text.ts';

const OUTAGE_AT = 600;

/** The same stateless web tier in us-east-1 and us-west-2, entered through Route 53 failover or an accelerator. */
function twoRegions(entry: 'dns' | 'accelerator'): World {
  const d = designBuilder();
  const lbs: number[] = [];
  for (const region of ['us-east-1', 'us-west-2']) {
    d.stack(region === 'us-east-1' ? 'east' : 'west', region);
    const net = d.network('Main', region, ['a', 'b']);
    const tg = d.targetGroup('Targets');
    lbs.push(d.loadBalancer('Lb', net.subnets, [tg]));
    d.group('Web', net.subnets, [tg], { desired: 4, type: 'm5.large' });
  }
  d.stack('global', 'us-east-1');
  if (entry === 'dns') {
    const check = d.healthCheck('EastCheck', lbs[0]!, 10, 3);
    d.record('Primary', lbs[0]!, { policy: 'failover', failover: 'PRIMARY', healthCheck: check, ttlS: 60, setIdentifier: 'east' });
    d.record('Secondary', lbs[1]!, { policy: 'failover', failover: 'SECONDARY', ttlS: 60, setIdentifier: 'west' });
  } else {
    d.accelerator('Accelerator', [
      { region: 'us-east-1', endpoints: [lbs[0]!], intervalS: 10, threshold: 3 },
      { region: 'us-west-2', endpoints: [lbs[1]!], intervalS: 10, threshold: 3 },
    ]);
  }
  const s = scenario({
    durationS: 1800,
    traffic: [{ area: 'north-america', baselineRps: 200 }],
    events: [{ type: 'region-outage', atS: OUTAGE_AT, durationS: 900, params: { region: 'us-east-1' } }],
  });
  return createWorld(d.design, s, 5);
}

/** Seconds from the outage until a step has no failed request again. */
function recoveryTime(world: World): number {
  let recovered = -1;
  runUntil(world, 1500, (t) => {
    if (t >= OUTAGE_AT && recovered < 0 && world.last.failed === 0) recovered = t;
  });
  return recovered - OUTAGE_AT;
}

describe('failover', () => {
  it('DNS failover waits for the health checks and then the TTL', () => {
    const world = twoRegions('dns');
    const recovery = recoveryTime(world);
    const check = world.timeline.find((e) => /health check .*EastCheck is unhealthy/.test(timelineSentence(e)));
    const switched = world.timeline.find((e) => e.kind === 'dns' && /global\/Secondary/.test(timelineSentence(e)));
    expect(check).toBeDefined();
    expect(switched).toBeDefined();
    // Health checks: interval 10 s × threshold 3.
    expect(check!.tS - OUTAGE_AT).toBe(30);
    // Then resolvers keep the old answer until their 60 s TTL runs out.
    expect(switched!.tS).toBeGreaterThanOrEqual(check!.tS);
    expect(switched!.tS - check!.tS).toBeLessThanOrEqual(60);
    expect(recovery).toBe(switched!.tS - OUTAGE_AT);
    expect(recovery).toBeGreaterThan(30);
  });

  it('Global Accelerator fails over faster than DNS (health checks only, no TTL)', () => {
    const viaDns = recoveryTime(twoRegions('dns'));
    const world = twoRegions('accelerator');
    const viaAccelerator = recoveryTime(world);
    expect(viaAccelerator).toBe(30);
    expect(viaAccelerator).toBeLessThan(viaDns);
    expect(world.timeline.some((e) => /Global Accelerator endpoint east\/Lb is unhealthy/.test(timelineSentence(e)))).toBe(true);
  });

  it('fails requests while the health checks have not yet seen the failure', () => {
    const world = twoRegions('dns');
    let failedEarly = 0;
    runUntil(world, OUTAGE_AT + 30, (t) => {
      if (t >= OUTAGE_AT) failedEarly += world.last.failed;
    });
    expect(failedEarly).toBeGreaterThan(0);
  });
});
