import { describe, expect, it } from 'vitest';
import { isOpen, readProgress, recordRun, totalStars } from '../../client/view/campaign-progress.ts';
import { debriefOf } from '../../client/view/debrief.ts';
import { forecastUsd } from '../../client/view/cost-breakdown.ts';
import type { TrailEvent } from '../../shared/trail/event.ts';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k), clear: () => map.clear(), key: () => null, length: 0 };
}

describe('campaign progress kept in the browser', () => {
  it('keeps the best stars and score and opens the next level after a star', () => {
    const storage = memoryStorage();
    recordRun('one', { stars: 2, score: 700 }, storage);
    recordRun('one', { stars: 1, score: 820 }, storage);
    const progress = readProgress(storage);
    expect(progress.one).toEqual({ stars: 2, score: 820 });
    expect(totalStars(progress)).toBe(2);
    expect(isOpen(['one', 'two', 'three'], 'two', progress)).toBe(true);
    expect(isOpen(['one', 'two', 'three'], 'three', progress)).toBe(false);
  });

  it('reads nothing from a damaged store', () => {
    const storage = memoryStorage();
    storage.setItem('five-nines.campaign', '{not json');
    expect(readProgress(storage)).toEqual({});
  });
});

const event = (seq: number, simS: number, eventName: string, message: string, outcome: 'Success' | 'Failure' = 'Success'): TrailEvent => ({
  seq,
  simS,
  wallMs: 0,
  team: 'team-1',
  principal: { type: 'System', name: 'five-nines' },
  eventSource: 'x.amazonaws.com',
  eventName,
  params: { message },
  outcome,
});

describe('the debrief', () => {
  it('names the first failure, the scenario event before it and the worst minute', () => {
    const d = debriefOf(
      [event(1, 600, 'ScenarioEvent', 'AWS Health reports errors'), event(2, 3600, 'ScenarioEvent', 'availability zone us-east-1b goes dark'), event(3, 3600, 'ResourceFailure', 'zone us-east-1b is down'), event(4, 3700, 'ScalingActivity', 'launching 1'), event(5, 10, 'RunInstances', 'x', 'Failure')],
      [
        { tS: 3600, requests: 1000, errors: 10, p95Ms: 90, costUsd: 1, healthyHosts: 3, cacheHitRatio: 0 },
        { tS: 3660, requests: 1000, errors: 300, p95Ms: 400, costUsd: 1.1, healthyHosts: 2, cacheHitRatio: 0 },
      ],
    );
    expect(d.firstFailure).toEqual({ simS: 3600, message: 'zone us-east-1b is down' });
    expect(d.cause?.message).toBe('availability zone us-east-1b goes dark');
    expect(d.worstMinute).toEqual({ tS: 3660, errorPct: 30, p95Ms: 400 });
    expect(d.scaling).toBe(1);
    expect(d.refused).toBe(1);
  });

  it('forecasts the spend at the end from the recent rate', () => {
    const series = Array.from({ length: 11 }, (_, i) => ({ tS: i * 60, costUsd: i * 0.01 }));
    expect(forecastUsd(series, 1200, 600, 0.1)).toBeCloseTo(0.2, 6);
  });
});
