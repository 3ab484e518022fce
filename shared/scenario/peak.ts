// The busiest moment a scenario plans, as a briefing says it ("the peak brings about 125 requests per second,
// at 2:00:00"): every area's baseline × its daily curve × the scheduled traffic spikes, read each minute, the
// way the simulation's demand step computes them (shared/sim/demand.ts), without the seeded noise around them
// and without the random events a seed may add. One figure for the briefing and the mission panel alike.
import { AREA_COUNT, areaIndex } from '../sim/constants.ts';
import { dailyFactor } from '../sim/demand.ts';
import { endOf } from '../sim/events.ts';
import { planScenario } from '../sim/world.ts';
import type { Scenario } from './schema.ts';

/** The briefing reads the plan minute by minute: the daily curve is linear within the hour. */
const STEP_S = 60;

export interface ScenarioPeak {
  /** Requests per second from every area together, at the busiest minute. */
  rps: number;
  /** When in the run it comes (simulated seconds from the start). */
  atS: number;
  /** What the run starts with, for "from … to …". */
  startRps: number;
}

function spikeAt(scenario: Scenario, area: number, tS: number): number {
  let m = 1;
  for (const e of scenario.events) {
    if ((e.type !== 'traffic-spike' && e.type !== 'flash-crowd') || tS < e.atS || tS >= endOf(e)) continue;
    if (e.params.areas && !e.params.areas.some((code) => areaIndex(code) === area)) continue;
    const ramp = e.params.rampS ?? (e.type === 'flash-crowd' ? 60 : 600);
    const progress = ramp > 0 ? Math.min(1, (tS - e.atS) / ramp) : 1;
    m *= 1 + (e.params.multiplier - 1) * progress;
  }
  return m;
}

function plannedRps(scenario: Scenario, curve: Float64Array, baseline: Float64Array, tS: number): number {
  let rps = 0;
  for (let a = 0; a < AREA_COUNT; a++) if (baseline[a]! > 0) rps += baseline[a]! * dailyFactor(curve, a, scenario.startHour, tS) * spikeAt(scenario, a, tS);
  return rps;
}

/** The traffic a scenario plans, one point a minute from the start to its end (the editor's preview chart draws it). */
export interface TrafficPlan {
  /** Simulated seconds from the start. */
  tS: number[];
  /** Requests per second from every area together at that moment. */
  rps: number[];
}

export function plannedTraffic(scenario: Scenario): TrafficPlan {
  const { baseline, curve } = planScenario(scenario);
  const plan: TrafficPlan = { tS: [], rps: [] };
  for (let tS = 0; tS <= scenario.durationS; tS += STEP_S) {
    plan.tS.push(tS);
    plan.rps.push(plannedRps(scenario, curve, baseline, tS));
  }
  return plan;
}

/** The busiest minute of the plan (the first of equals) and its start. */
export function scenarioPeak(scenario: Scenario): ScenarioPeak {
  const plan = plannedTraffic(scenario);
  let peak = { rps: plan.rps[0]!, atS: 0 };
  plan.rps.forEach((rps, i) => {
    if (rps > peak.rps) peak = { rps, atS: plan.tS[i]! };
  });
  return { rps: Math.round(peak.rps), atS: peak.atS, startRps: Math.round(plan.rps[0]!) };
}
