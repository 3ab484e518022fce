import { describe, expect, it } from 'vitest';
import { howToPlaySteps } from '../../../shared/scenario/how-to-play.ts';
import { scenarioPeak } from '../../../shared/scenario/peak.ts';
import { scenarioById } from '../../../server/assets/library.ts';

// What a level's briefing and mission panel say follows the level: the steps offer only what it lets players
// place, and the peak's traffic is the scenario's own figures.
const load = (id: string) => {
  const loaded = scenarioById(id);
  if (!loaded.ok) throw new Error(`${id}: ${loaded.message}`);
  return loaded.scenario;
};

describe('How to play', () => {
  it('never tells a level without load balancers to add one', () => {
    const level1 = load('one-web-server');
    expect(level1.allowedKinds).not.toContain('loadBalancer');
    const steps = howToPlaySteps(level1.allowedKinds);
    expect(steps).not.toContain('two');
    expect(steps[0]).toBe('oneServer');
  });

  it('tells a level that offers a load balancer, or every kind, to put one in front', () => {
    expect(howToPlaySteps(load('two-zones-behind-a-load-balancer').allowedKinds)).toEqual(['one', 'two', 'three', 'four']);
    expect(howToPlaySteps(undefined)).toEqual(['one', 'two', 'three', 'four']);
  });
});

describe("the briefing's peak traffic", () => {
  it("is level 1's curve at its busiest: 100 requests/s × 1.2 at 15:00 UTC, two hours after a 13:00 start", () => {
    expect(scenarioPeak(load('one-web-server'))).toEqual({ rps: 120, atS: 7200, startRps: 45 });
  });

  it('counts a scheduled traffic spike', () => {
    const base = load('one-web-server');
    const spiked = { ...base, events: [...base.events, { type: 'traffic-spike' as const, atS: 600, durationS: 1200, params: { multiplier: 4, rampS: 0 } }] };
    const peak = scenarioPeak(spiked);
    expect(peak.atS).toBeGreaterThanOrEqual(600);
    expect(peak.atS).toBeLessThan(1800);
    expect(peak.rps).toBeGreaterThan(120);
  });
});
