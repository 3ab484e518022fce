// Leaked credentials. From the event's time, whoever holds the leaked access key launches instances with it
// every `everyS` seconds (a crypto-mining botnet's habit). They land on the board as resources of a stack named
// for the leak, `rogue-<user>`, in the region's default VPC: players find them there and in CloudTrail (the
// timeline entry names the leaked user as the actor and RunInstances as the action), delete them, and stop
// further launches by revoking the key (the `revoke-credentials` action, which the room sends when the host
// removes the user's permission to launch). Launch times follow from the event alone, so no counter is kept:
// launch k is due at atS + k × everyS and happens in the step that reaches it.

import type { Design, Resource } from '../design/model.ts';
import type { ScenarioEvent } from '../scenario/schema.ts';
import { STEP_SECONDS } from './constants.ts';
import { ACTIVE, ANNOUNCED, endOf, OVER, PENDING } from './events.ts';
import { T_NOW } from './state.ts';
import { rebuildWorld } from './update.ts';
import { note, type World } from './world.ts';
import { copyPlain } from '../design/copy.ts';

type Leak = Extract<ScenarioEvent, { type: 'leaked-credentials' }>;

/** The stack that holds what a leaked key launched. */
export function rogueStackName(user: string): string {
  // A stack name holds letters, digits and hyphens only.
  return `rogue-${user.replace(/[^A-Za-z0-9-]/g, '-')}`;
}

/** Launches due up to time x (inclusive): launch k is due at atS + k × everyS. */
function launchesBy(e: Leak, x: number): number {
  return x < e.atS ? 0 : Math.floor((x - e.atS) / e.params.everyS) + 1;
}

/** Performs the launches that fall in (t − step, t] for every leak still live. Runs first in a step. */
export function launchRogueInstances(world: World): void {
  const t = world.state.tally[T_NOW]!;
  const events = world.plan.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type !== 'leaked-credentials') continue;
    const phase = world.state.eventPhase[i];
    if (phase === OVER || t >= endOf(e)) continue;
    if (phase !== PENDING && phase !== ANNOUNCED && phase !== ACTIVE) continue;
    const due = launchesBy(e, t) - launchesBy(e, t - STEP_SECONDS);
    if (due > 0) launch(world, e, due * e.params.count);
  }
}

function launch(world: World, e: Leak, count: number): void {
  const { user, region, instanceType } = e.params;
  const name = rogueStackName(user);
  const design: Design = copyPlain(world.design);
  const removed = Array.from(world.state.removed);
  let stack = design.stacks.findIndex((s) => s.name === name);
  const add = (logicalId: string, kind: Resource['kind'], props: Record<string, unknown>): number => {
    const id = design.resources.length;
    design.resources.push({ id, stack, logicalId, kind, props } as unknown as Resource);
    removed.push(0);
    return id;
  };
  const live = (logicalId: string) =>
    design.resources.find((r) => r.stack === stack && r.logicalId === logicalId && removed[r.id] !== 1)?.id;
  if (stack < 0) {
    design.stacks.push({ name, region, parameters: {} });
    stack = design.stacks.length - 1;
  }
  // The default VPC every account has: where a RunInstances call without a subnet lands.
  const vpc = live('DefaultVpc') ?? add('DefaultVpc', 'vpc', { cidr: '172.31.0.0/16' });
  const subnet = live('DefaultSubnet') ?? add('DefaultSubnet', 'subnet', { vpc, zone: `${region}a`, cidr: '172.31.0.0/20', mapPublicIp: true });
  // Numbered after the highest name in the stack, so a name is never used twice (the room deletes resources
  // from the design outright, so counting them would not do).
  let n = 0;
  for (const r of design.resources) {
    const m = r.stack === stack ? /^Instance(\d+)$/.exec(r.logicalId) : null;
    if (m) n = Math.max(n, Number(m[1]));
  }
  const labels: string[] = [];
  for (let k = 0; k < count; k++) {
    n++;
    add(`Instance${n}`, 'instance', { instanceType, subnet, securityGroups: [] });
    labels.push(`${name}/Instance${n}`);
  }
  rebuildWorld(world, design, Uint8Array.from(removed));
  note(world, 'leakedRunInstances', { user, instances: count, instanceType, region, names: labels }, {
    actor: user,
    action: 'ec2:RunInstances',
    resources: labels,
  });
}

/**
 * Revokes a user's access keys: every leak of that user ends now, or never starts. Returns how many leaks
 * it stopped (0 is not an error: revoking an unused key is allowed and harmless).
 */
export function revokeCredentials(world: World, user: string): number {
  let stopped = 0;
  world.plan.events.forEach((e, i) => {
    if (e.type !== 'leaked-credentials' || e.params.user !== user || world.state.eventPhase[i] === OVER) return;
    world.state.eventPhase[i] = OVER;
    stopped++;
  });
  return stopped;
}
