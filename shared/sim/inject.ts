// An event added to a running world (a teacher's chaos, injected for all teams at once). It becomes part
// of the world's scenario, so snapshots carry it and a restored world knows it; event progress is matched by
// identity because the plan keeps events sorted by time.

import type { ScenarioEvent } from '../scenario/schema.ts';
import { T_NOW } from './state.ts';
import { planScenario, type World } from './world.ts';

export function injectEvent(world: World, event: ScenarioEvent): void {
  const now = world.state.tally[T_NOW]!;
  const placed = { ...event, atS: Math.max(event.atS, Math.ceil(now)) } as ScenarioEvent;
  const before = world.plan.events;
  const phaseOf = new Map<ScenarioEvent, number>();
  before.forEach((e, i) => phaseOf.set(e, world.state.eventPhase[i] ?? 0));
  world.scenario = { ...world.scenario, events: [...world.scenario.events, placed] };
  world.plan = planScenario(world.scenario);
  world.state.eventPhase = Uint8Array.from(world.plan.events, (e) => phaseOf.get(e) ?? 0);
}
