// Simulation benchmarks (DESIGN.md §9). Prints figures; nothing here asserts a time (the machines are noisy).
//
//   npm run bench            readable
//   npm run bench -- --json  one JSON line per figure: {"name", "value", "unit"}
//
// Designs are generated: cells of a VPC with three public subnets, a load balancer, an Auto Scaling group of
// four instances and a Multi-AZ database with an alarm and a scaling policy, spread over the regions and
// entered through weighted Route 53 records. "Components" are the design's resources plus its running
// instances; "connections" are the references between resources plus the links added at run time.

import type { Design, Resource } from '../shared/design/model.ts';
import { REGIONS } from '../shared/geography/regions.ts';
import { scenarioSchema, type Scenario } from '../shared/scenario/index.ts';
import { createWorld, runScenario, step, type World } from '../shared/sim/index.ts';
import { applyIntent } from '../shared/match/apply.ts';
import { createMatch } from '../shared/match/create.ts';
import { type Actor } from '../shared/match/match.ts';
import { runTick } from '../shared/match/tick.ts';
import type { MatchIntent } from '../shared/match/intents.ts';

const json = process.argv.includes('--json');

function generate(targetComponents: number): Design {
  const design: Design = { stacks: [], resources: [], unmodelled: [], actions: [] };
  const add = (stack: number, logicalId: string, kind: Resource['kind'], props: unknown): number => {
    const id = design.resources.length;
    design.resources.push({ id, stack, logicalId, kind, props } as Resource);
    return id;
  };
  const perCell = 24; // 20 resources + 4 instances
  const cells = Math.max(1, Math.round((targetComponents - 2) / (perCell + 1)));
  const lbs: number[] = [];
  for (let c = 0; c < cells; c++) {
    const region = REGIONS[c % REGIONS.length]!.code;
    design.stacks.push({ name: `cell-${c}`, region, parameters: {} });
    const s = design.stacks.length - 1;
    const vpc = add(s, 'Vpc', 'vpc', { cidr: '10.0.0.0/16' });
    const subnets = ['a', 'b', 'c'].map((z, i) =>
      add(s, `Subnet${i}`, 'subnet', { vpc, zone: `${region}${z}`, cidr: `10.0.${i}.0/24`, mapPublicIp: true }),
    );
    const igw = add(s, 'Igw', 'internetGateway', {});
    add(s, 'IgwAttachment', 'gatewayAttachment', { vpc, gateway: igw });
    const table = add(s, 'Routes', 'routeTable', { vpc });
    add(s, 'DefaultRoute', 'route', { routeTable: table, destination: '0.0.0.0/0', gateway: igw });
    subnets.forEach((subnet, i) => add(s, `Assoc${i}`, 'subnetRouteTableAssociation', { subnet, routeTable: table }));
    const tg = add(s, 'Targets', 'targetGroup', {
      protocol: 'HTTP',
      port: 80,
      targets: [],
      healthCheck: { intervalS: 10, healthyThreshold: 3, unhealthyThreshold: 2 },
      algorithm: 'round_robin',
      stickiness: false,
    });
    const lb = add(s, 'Lb', 'loadBalancer', { lbType: 'application', scheme: 'internet-facing', subnets, crossZone: true, securityGroups: [] });
    lbs.push(lb);
    add(s, 'Listener', 'listener', { loadBalancer: lb, port: 80, protocol: 'HTTP', forward: [{ targetGroup: tg, weight: 1 }] });
    const template = add(s, 'Template', 'launchTemplate', { instanceType: 'm5.large', securityGroups: [] });
    const group = add(s, 'Web', 'autoScalingGroup', {
      launchTemplate: template,
      subnets,
      min: 2,
      max: 6,
      desired: 4,
      targetGroups: [tg],
      healthCheckType: 'ELB',
      cooldownS: 300,
    });
    const dbSubnets = add(s, 'DbSubnets', 'dbSubnetGroup', { subnets });
    add(s, 'Db', 'database', { engine: 'mysql', instanceClass: 'db.r6g.large', multiAz: true, subnetGroup: dbSubnets, storageGb: 20 });
    const policy = add(s, 'ScaleOut', 'scalingPolicy', { group, policyType: 'SimpleScaling', adjustment: 1, cooldownS: 300 });
    add(s, 'CpuHigh', 'alarm', {
      metric: 'CPUUtilization',
      namespace: 'AWS/EC2',
      statistic: 'Average',
      subject: group,
      comparison: 'GreaterThanThreshold',
      threshold: 70,
      periodS: 60,
      evaluationPeriods: 3,
      alarmActions: [policy],
      notifications: [],
    });
  }
  design.stacks.push({ name: 'global', region: 'us-east-1', parameters: {} });
  const g = design.stacks.length - 1;
  lbs.forEach((lb, i) =>
    add(g, `Record${i}`, 'recordSet', {
      name: 'www.example.com.',
      recordType: 'A',
      policy: 'weighted',
      target: lb,
      setIdentifier: `cell-${i}`,
      weight: 10,
      evaluateTargetHealth: true,
      ttlS: 60,
    }),
  );
  return design;
}

function scenarioFor(design: Design, durationS: number): Scenario {
  const cells = design.stacks.length - 1;
  return scenarioSchema.parse({
    id: 'bench',
    title: 'Benchmark',
    durationS,
    budgetUsd: 1000,
    latencyObjectiveMs: 300,
    revenuePerGoodRequestUsd: 0.0001,
    traffic: [
      { area: 'north-america', baselineRps: 200 * cells, dailyCurve: [0.5, 0.45, 0.4, 0.4, 0.45, 0.55, 0.7, 0.85, 0.95, 1, 1, 1, 1, 1, 1.05, 1.05, 1, 1, 0.95, 0.9, 0.8, 0.7, 0.6, 0.55] },
      { area: 'europe', baselineRps: 100 * cells },
      { area: 'asia', baselineRps: 50 * cells },
    ],
    mix: { static: 0.5, read: 0.4, write: 0.1 },
    events: [{ type: 'az-outage', atS: Math.floor(durationS / 3 / 5) * 5, durationS: 1800, params: { zone: 'us-east-1b' } }],
  });
}

/** Keys of resource properties that hold references to other resources (the board draws them as edges). */
const REFERENCE_KEYS = new Set([
  'vpc', 'subnet', 'subnets', 'gateway', 'routeTable', 'transitGateway', 'peering', 'peerVpc', 'launchTemplate',
  'targetGroups', 'targets', 'group', 'loadBalancer', 'targetGroup', 'listener', 'subnetGroup', 'source', 'origins',
  'webAcl', 'target', 'healthCheck', 'accelerator', 'subject', 'alarmActions', 'resource', 'securityGroups',
]);

function references(value: unknown, key = ''): number {
  if (typeof value === 'number') return REFERENCE_KEYS.has(key) ? 1 : 0;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + references(v, key), 0);
  if (value && typeof value === 'object') {
    return Object.entries(value).reduce((n, [k, v]) => n + references(v, k), 0);
  }
  return 0;
}

/**
 * Components: the design's resources plus its running instances. Connections: the references between
 * resources (what the board draws) plus the links the simulation adds at run time (load balancer → running
 * target, running instance → database).
 */
function size(world: World): { components: number; connections: number } {
  const t = world.topo;
  let running = 0;
  let links = 0;
  for (let i = 0; i < t.instCount; i++) {
    if (world.state.instState[i] === 0) continue;
    running++;
    if (t.instDbGroup[i]! >= 0) links++;
  }
  for (let e = 0; e < t.edgeInst.length; e++) if (world.state.instState[t.edgeInst[e]!] !== 0) links++;
  const refs = world.design.resources.reduce((n, r) => n + references(r.props), 0);
  return { components: world.design.resources.length + running, connections: refs + links };
}

/** A tight typed-array loop on this machine, for scale: DESIGN.md §9 expects 3–10 ns where it was written. */
function referenceLoopNs(): number {
  const n = 1 << 16;
  const a = new Float64Array(n);
  const b = new Float64Array(n).fill(1);
  let best = Infinity;
  for (let r = 0; r < 30; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) a[i] = a[i]! * 0.5 + b[i]!;
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / n);
  }
  return best;
}

const figures: { name: string; value: number; unit: string }[] = [];
function report(name: string, value: number, unit: string, text: string): void {
  const rounded = Math.round(value * 100) / 100;
  figures.push({ name, value: rounded, unit });
  if (json) process.stdout.write(`${JSON.stringify({ name, value: rounded, unit })}\n`);
  else if (text) process.stdout.write(`${text}\n`);
}

const reference = referenceLoopNs();
report('reference-loop-ns', reference, 'ns/element', `reference: a tight Float64Array loop takes ${reference.toFixed(2)} ns per element here`);

for (const target of [100, 1000, 10000]) {
  const design = generate(target);
  const world = createWorld(design, scenarioFor(design, 86400), 1);
  const warm = 300;
  for (let k = 0; k < warm; k++) step(world);
  const { components, connections } = size(world);
  const steps = target >= 10000 ? 300 : target >= 1000 ? 2000 : 5000;
  const t0 = process.hrtime.bigint();
  for (let k = 0; k < steps; k++) step(world);
  const ns = Number(process.hrtime.bigint() - t0);
  const perUnit = ns / steps / (components + connections);
  report(
    `step-ns-per-unit-${target}`,
    perUnit,
    'ns/(component+connection)/step',
    `${String(target).padStart(6)}-component design (${components} components, ${connections} connections): ${perUnit.toFixed(1)} ns per (component + connection) per step (${(perUnit / reference).toFixed(0)}× the reference loop), ${(ns / steps / 1000).toFixed(1)} µs per step`,
  );
  report(`step-us-${target}`, ns / steps / 1000, 'µs/step', '');
}

{
  const design = generate(150);
  const scenario = scenarioFor(design, 86400);
  const world = createWorld(design, scenario, 1);
  const { components, connections } = size(world);
  const t0 = process.hrtime.bigint();
  const cold = runScenario(design, scenario, { seed: 1 });
  const coldMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const t1 = process.hrtime.bigint();
  runScenario(design, scenario, { seed: 2 });
  const warmMs = Number(process.hrtime.bigint() - t1) / 1e6;
  report('day-150-cold-ms', coldMs, 'ms', `24-hour scenario of a ${components}-component design (${connections} connections), 17,280 steps: ${coldMs.toFixed(0)} ms (first run in the process, availability ${(cold.availability * 100).toFixed(3)}%)`);
  report('day-150-warm-ms', warmMs, 'ms', `24-hour scenario again (code already optimised by the JIT): ${warmMs.toFixed(0)} ms`);
}

// A board edit in a running match: the design rules, a copy of the design, and the world recompiled with its
// state carried over. Rooms apply every player's edits on the event loop, so this sets how many edits a
// second one process can take before the loop stalls (the load harness's intent rate).
for (const target of [30, 150]) {
  const design = generate(target);
  const match = createMatch({ mode: 'team', scenario: scenarioFor(design, 86400), seed: 1, design, teams: [{ id: 'team-1', name: 'Team 1' }] });
  const root: Actor = { nickname: 'bench', identity: { kind: 'root' }, team: 'team-1', host: true, mfa: true };
  applyIntent(match, root, { type: 'clock', command: 'start' }, 0);
  runTick(match, [], 20, 0, new Map());
  const stack = match.teams[0]!.world.design.stacks[0]!.name;
  const edits = 1000;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < edits; i++) {
    const placed = applyIntent(match, root, { type: 'createResource', stack, kind: 'bucket', logicalId: `Bench${i}`, props: { websiteHosting: false } }, 0);
    const deleted = applyIntent(match, root, { type: 'delete', target: `${stack}/Bench${i}` }, 0);
    if (!placed.ok || !deleted.ok) throw new Error('bench edit refused');
  }
  const us = Number(process.hrtime.bigint() - t0) / 1000 / (2 * edits);
  report(`board-edit-us-${target}`, us, 'µs/edit', `board edit (place or delete) in a running ${match.teams[0]!.world.design.resources.length}-resource design: ${us.toFixed(0)} µs`);
}

// A tick with several edits queued (players build in bursts): the room applies them in one tick, and the tick
// compiles each team's world once for all of them. Then one gesture that builds a whole VPC (nine API calls).
for (const target of [30, 150]) {
  const design = generate(target);
  const match = createMatch({ mode: 'team', scenario: scenarioFor(design, 86400), seed: 1, design, teams: [{ id: 'team-1', name: 'Team 1' }] });
  const root: Actor = { nickname: 'bench', identity: { kind: 'root' }, team: 'team-1', host: true, mfa: true };
  const cursor = new Map<string, number>();
  applyIntent(match, root, { type: 'clock', command: 'start' }, 0);
  runTick(match, [], 20, 0, cursor);
  const stack = match.teams[0]!.world.design.stacks[0]!.name;
  const region = match.teams[0]!.world.design.stacks[0]!.region;
  const perTick = 9;
  const rounds = 100;
  const queued = (intents: MatchIntent[]) => intents.map((intent, seq) => ({ seq, actor: root, intent, wallMs: 0 }));
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) {
    const ids = Array.from({ length: perTick }, (_, k) => `Tick${i}x${k}`);
    const placed = runTick(match, queued(ids.map((id) => ({ type: 'createResource', stack, kind: 'bucket', logicalId: id, props: { websiteHosting: false } }))), 0, 0, cursor);
    const deleted = runTick(match, queued(ids.map((id) => ({ type: 'delete', target: `${stack}/${id}` }))), 0, 0, cursor);
    if (![...placed.applied, ...deleted.applied].every((a) => a.result.ok)) throw new Error('bench tick refused');
  }
  const us = Number(process.hrtime.bigint() - t0) / 1000 / (2 * rounds * perTick);
  report(`tick-edit-us-${target}`, us, 'µs/edit', `${perTick} board edits in one tick of a running ${match.teams[0]!.world.design.resources.length}-resource design: ${us.toFixed(0)} µs per edit`);
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) {
    const placed = runTick(match, queued([{ type: 'place', entry: 'vpc', target: { region: region as 'us-east-1' } }]), 0, 0, cursor);
    const undone = runTick(match, queued([{ type: 'undo' }]), 0, 0, cursor);
    if (!placed.applied[0]!.result.ok || !undone.applied[0]!.result.ok) throw new Error('bench gesture refused');
  }
  const vpcUs = Number(process.hrtime.bigint() - t1) / 1000 / (2 * rounds);
  report(`gesture-vpc-us-${target}`, vpcUs, 'µs/gesture', `a VPC placed in one gesture (9 API calls) or undone, in the same design: ${vpcUs.toFixed(0)} µs per gesture`);
}
