// Flow-hash distribution of a Network Load Balancer: it picks a target per connection (a hash of protocol,
// addresses and ports) and the connection stays there for its life. Clients hold connections for minutes, so
// a target that comes into service gets only the connections opened since: its share of an NLB's traffic grows
// as the older connections close (linearly over catalogue.networkLoadBalancer.connectionLifetimeS, the spread of
// connection lifetimes the game assumes), while an ALB, which balances each request, gives it its full share at
// once. A target that was stopped and started, or replaced, starts again from nothing. The instances of the
// design as deployed at time 0 hold their connections already. Read per edge by balancing.ts: no state of its own.

import { catalogue } from '../catalogue/index.ts';
import { STEP_SECONDS } from './constants.ts';
import { T_NOW } from './state.ts';
import type { World } from './world.ts';

const BOOT_S = catalogue.ec2.bootS.value;
const LIFETIME_S = catalogue.networkLoadBalancer.connectionLifetimeS.value;

/** The share of its full load an NLB target holds (0–1]: the connections it has gathered since it came up. */
export function heldConnections(world: World, slot: number): number {
  const launched = world.state.instLaunchedAt[slot]!;
  if (launched <= 0) return 1;
  const inService = world.state.tally[T_NOW]! - launched - BOOT_S;
  // The step's own new connections land on it even in its first step in service.
  const held = (inService + STEP_SECONDS) / LIFETIME_S;
  return held >= 1 ? 1 : held > 0 ? held : STEP_SECONDS / LIFETIME_S;
}
