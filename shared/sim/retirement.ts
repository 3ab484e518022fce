// Database retirement: at the event's time the named database leaves the board for good (an engine at the
// end of its support that its owner did not upgrade). Instances that used it turn to the nearest database
// they can still reach, or fail their dynamic requests. Runs at the start of a step, as every event that
// changes the design does (the step then reads the new topology from the start).

import { ANNOUNCED, matches, PENDING } from './events.ts';
import { T_NOW } from './state.ts';
import { rebuildWorld } from './update.ts';
import type { World } from './world.ts';

export function retireDatabases(world: World): void {
  const t = world.state.tally[T_NOW]!;
  const events = world.plan.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type !== 'db-retirement' || t < e.atS) continue;
    const phase = world.state.eventPhase[i];
    if (phase !== PENDING && phase !== ANNOUNCED) continue;
    const removed = Uint8Array.from(world.state.removed);
    let any = false;
    for (const r of world.design.resources) {
      if (r.kind === 'database' && removed[r.id] !== 1 && matches(world, r.id, e.params.target, e.params.stack)) {
        removed[r.id] = 1;
        any = true;
      }
    }
    if (any) rebuildWorld(world, world.design, removed);
  }
}
