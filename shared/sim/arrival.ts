// Stacks that arrive during the run (scenario event `stack-arrival`): a team's VPC created at a time, from the
// design's stack of that name. Until then every resource of the stack is absent (removed), so the world starts
// without it; at the event's time they are all added and the world is rebuilt, as any design change is: its
// instances boot, its attachments and routes take effect from then on. What the new VPC reaches is what its own
// template connects: with a Transit Gateway (default association and propagation), attaching itself and one
// route to the hub reaches every attached VPC and the office's VPN; with peerings, each one it needs (and both
// routes of each) must be in its template or it reaches nothing. Runs at the start of a step.

import type { Design } from '../design/model.ts';
import type { ScenarioEvent } from '../scenario/schema.ts';
import { ANNOUNCED, PENDING } from './events.ts';
import { T_NOW } from './state.ts';
import { rebuildWorld } from './update.ts';
import type { World } from './world.ts';

/** The resources absent at the start: those of every stack a timed `stack-arrival` event creates later. */
export function absentAtStart(design: Design, events: readonly ScenarioEvent[]): Uint8Array {
  const arriving = new Set<string>();
  for (const e of events) if (e.type === 'stack-arrival' && e.atS > 0) arriving.add(e.params.stack);
  return absentStacks(design, arriving);
}

/** For a design adopted during the run (a board edit): the stacks whose arrival is still to come stay absent. */
export function absentUntilArrived(world: World, design: Design): Uint8Array {
  const arriving = new Set<string>();
  world.plan.events.forEach((e, i) => {
    const phase = world.state.eventPhase[i];
    if (e.type === 'stack-arrival' && (phase === PENDING || phase === ANNOUNCED)) arriving.add(e.params.stack);
  });
  return absentStacks(design, arriving);
}

function absentStacks(design: Design, arriving: ReadonlySet<string>): Uint8Array {
  const removed = new Uint8Array(design.resources.length);
  if (arriving.size === 0) return removed;
  for (const r of design.resources) if (!r.retainedFrom && arriving.has(design.stacks[r.stack]?.name ?? '')) removed[r.id] = 1;
  return removed;
}

export function admitStacks(world: World): void {
  const t = world.state.tally[T_NOW]!;
  const events = world.plan.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type !== 'stack-arrival' || t < e.atS) continue;
    const phase = world.state.eventPhase[i];
    if (phase !== PENDING && phase !== ANNOUNCED) continue;
    const removed = Uint8Array.from(world.state.removed);
    let any = false;
    for (const r of world.design.resources) {
      if (removed[r.id] === 1 && world.design.stacks[r.stack]?.name === e.params.stack && !r.retainedFrom) {
        removed[r.id] = 0;
        any = true;
      }
    }
    if (any) rebuildWorld(world, world.design, removed);
  }
}
