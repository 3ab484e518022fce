// What a new design does to the physical resources already running (called by update.ts at rebuild time only,
// never per step): an update that interrupts an instance stops and starts it; a database update that interrupts
// reboots it; a replaced resource is a new physical one, and the timeline says so. Which property interrupts and
// which replaces is decided once, in shared/template/update-behaviour.ts, for a deploy and a board gesture alike.

import { catalogue } from '../catalogue/index.ts';
import type { Database, Design, Instance, Resource } from '../design/model.ts';
import { interruptingChanges } from '../template/update-behaviour.ts';
import { DB_AVAILABLE, DB_RESTARTING, FAILED, REBOOTING } from './constants.ts';
import type { WorldState } from './state.ts';
import type { Topology } from './topology.ts';
import { note, type World } from './world.ts';

/** An instance's value of a template property an update may interrupt it for (InstanceType, UserData, …). */
function instanceValue(r: Instance): (name: string) => unknown {
  return (name) => (name === 'InstanceType' ? r.props.instanceType : r.unmodelled?.[name]);
}

/** A database's, its class aside: a class change is the simulation's own restart or failover (changeClass). */
function databaseValue(r: Database): (name: string) => unknown {
  return (name) => (name === 'Engine' ? r.props.engine : name === 'MultiAZ' ? r.props.multiAz : name === 'DBInstanceClass' ? undefined : r.unmodelled?.[name]);
}

/**
 * Stops and starts static instance slot `i` when the update from `before` to `after` changes a property EC2 changes
 * only on a stopped instance. It serves again after the stop/start time; until its health checks notice, a load
 * balancer still sends it requests, which fail.
 */
export function stopStartIfInterrupted(world: World, s: WorldState, i: number, label: string, before: Resource, after: Resource, t: number): void {
  if (before === after || before.kind !== 'instance' || after.kind !== 'instance') return;
  const properties = interruptingChanges('AWS::EC2::Instance', instanceValue(before), instanceValue(after));
  if (properties.length === 0) return;
  const st = s.instState[i]!;
  // A stopped instance in a dark zone cannot start: it stays failed and comes back with its zone.
  if (st === 0 || (st === FAILED && s.zoneDown[s.instZone[i]!] === 1)) return;
  const seconds = catalogue.ec2.stopStartS.value;
  s.instState[i] = REBOOTING;
  s.instTimer[i] = t + seconds;
  s.instZoneFailed[i] = 0;
  note(world, 'instanceStopStart', { instance: label, properties, seconds });
}

/** Reboots database `d` when the update changes a property RDS applies with a reboot (its class aside). */
export function rebootIfInterrupted(world: World, s: WorldState, d: number, label: string, before: Resource, after: Resource, t: number): void {
  if (before === after || before.kind !== 'database' || after.kind !== 'database') return;
  const properties = interruptingChanges('AWS::RDS::DBInstance', databaseValue(before), databaseValue(after));
  if (properties.length === 0 || s.dbState[d] !== DB_AVAILABLE) return;
  const seconds = catalogue.database.rebootS.value;
  s.dbState[d] = DB_RESTARTING;
  s.dbTimer[d] = t + seconds;
  note(world, 'dbRebootForUpdate', { db: label, properties, seconds });
}

/**
 * The timeline's account of what a stack update replaced: every resource whose generation is new under a logical
 * id the old design had. Only resources with a generation can be replaced, so a design never updated costs nothing.
 */
export function noteReplacements(world: World, old: Topology, topo: Topology, design: Design): void {
  let oldKeyByLabel: Map<string, string> | undefined;
  const others: string[] = [];
  for (const r of design.resources) {
    if (!r.generation || topo.removed[r.id] === 1) continue;
    oldKeyByLabel ??= new Map(old.labels.map((label, id) => [label, old.keys[id]!]));
    const label = topo.labels[r.id]!;
    const was = oldKeyByLabel.get(label);
    if (was === undefined || was === topo.keys[r.id]) continue;
    if (r.kind === 'vpc') note(world, 'vpcReplaced', { vpc: label });
    else if (r.kind === 'instance') note(world, 'instanceReplaced', { instance: label, seconds: catalogue.ec2.bootS.value });
    else if (r.kind === 'database') note(world, 'dbReplaced', { db: label, seconds: catalogue.database.creationS.value });
    else if (r.partOf === undefined) others.push(label);
  }
  if (others.length > 0) note(world, 'resourcesReplaced', { count: others.length, resources: others });
}

/** Whether group slot `to` of the new topology runs in another physical VPC than slot `from` of the old one did. */
export function movedToNewVpc(old: Topology, from: number, topo: Topology, to: number): boolean {
  const a = old.instVpc[from]!;
  const b = topo.instVpc[to]!;
  return (a < 0 ? undefined : old.keys[a]) !== (b < 0 ? undefined : topo.keys[b]);
}
