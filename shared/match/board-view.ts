// What a team's board shows of its world, as plain data: the pieces and lines of its design, each piece's
// status rounded to what the board can show, a chart point per simulated minute and the team's standing with
// its score's parts. Its siblings give the rest: cost-view.ts (Cost Explorer), debrief.ts (what failed first,
// the worst minute), board-flags.ts (public subnets, entry points, dark zones).
// One copy for the server's wire projection (server/wire/project.ts writes it into the Colyseus state) and
// the replay viewer (which reads a replayed match the same way), so a replay shows what the match showed.
import type { GroupFigures } from '../sim/group-figures.ts';
import { connectionMeaning } from '../design/connections.ts';
import { sampleMetrics } from './dashboard-metrics.ts';
import { pieceOwners } from './board-parts.ts';
import { refOf } from '../design/edits.ts';
import type { Design, ResourceKind } from '../design/model.ts';
import { mapReferences, referencesOf } from '../design/references.ts';
import { ALARM_ALARM, ALARM_INSUFFICIENT, ALARM_OK } from '../sim/constants.ts';
import { T_COST, T_FAILED, T_OFFERED, T_SHED } from '../sim/state.ts';
import { resourceStatuses, type Health, type ResourceStatus } from '../sim/status.ts';
import { standingOf } from '../sim/standing.ts';
import type { World } from '../sim/world.ts';
import type { Team } from './match.ts';

/** Rounds to a multiple of `step` (statuses below what the board shows send nothing). */
export const roundTo = (x: number, step: number): number => Math.round(x / step) * step;

/** A resource as the board places it: where it is and its properties, references written "stack/LogicalId". */
export interface BoardPiece {
  ref: string;
  kind: ResourceKind;
  stack: string;
  logicalId: string;
  region: string;
  x: number;
  y: number;
  props: Record<string, unknown>;
  /** The piece it is drawn as (board-parts.ts): its own ref, its owner's, or '' for boxes and loose parts. */
  piece: string;
  /** The CloudFormation type when it is not the kind's usual one (a Classic ELB is a loadBalancer too), else ''. */
  awsType: string;
}

export interface BoardLine {
  from: string;
  to: string;
  meaning: string;
}

/** A CloudWatch alarm's state, as the console names it. */
export type AlarmStateName = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** A piece's status as the board shows it. `zone` is absent when the world does not place it (yet); `alarm` is an alarm's state. */
export interface PieceStatus {
  health: Health;
  load: number;
  rps: number;
  count: number;
  zone?: string;
  alarm?: AlarmStateName;
  /** An Auto Scaling group's capacity and instances now, as AWS's console shows them (sim/group-figures.ts). */
  group?: GroupFigures;
}

const ALARM_NAMES: Record<number, AlarmStateName> = { [ALARM_OK]: 'OK', [ALARM_ALARM]: 'ALARM', [ALARM_INSUFFICIENT]: 'INSUFFICIENT_DATA' };

/** The counters a chart point is the difference of: the last point's time and the world's totals then. */
export interface MinuteMark {
  at: number;
  offered: number;
  failed: number;
}

export interface ChartPoint {
  tS: number;
  requests: number;
  errors: number;
  p95Ms: number;
  costUsd: number;
  healthyHosts: number;
  cacheHitRatio: number;
  /** Mean utilisation (0–1) of the compute and of the databases at the minute's end: the utilisation chart. */
  computeLoad: number;
  databaseLoad: number;
  /** The dashboards' metrics at the minute, by the keys the point was taken with (dashboard-metrics.ts). */
  metrics: number[];
}

/** An objective of the scenario as the scoring judged it. */
export interface ObjectiveView {
  id: string;
  primary: boolean;
  metric: string;
  target: number;
  value: number;
  met: boolean;
}

/** The score's parts as the scoring computed them (availability up to 500, latency and cost up to 250 each). */
export interface ScorePartsView {
  availability: number;
  latency: number;
  cost: number;
}

export interface StandingView {
  score: number;
  stars: number;
  availability: number;
  nines: number;
  parts: ScorePartsView;
  objectives: ObjectiveView[];
  p95Ms: number;
  costUsd: number;
  revenueUsd: number;
  budgetUsd: number;
}

export const FIRST_MINUTE: MinuteMark = { at: 0, offered: 0, failed: 0 };

/** The design's resources as board pieces, in design order. */
export function boardPieces(design: Design): BoardPiece[] {
  const owners = pieceOwners(design);
  return design.resources.map((r, id) => ({
    ref: refOf(design, r),
    kind: r.kind,
    stack: design.stacks[r.stack]?.name ?? '',
    logicalId: r.logicalId,
    region: design.stacks[r.stack]?.region ?? '',
    x: r.position?.x ?? 0,
    y: r.position?.y ?? 0,
    props: mapReferences(r.kind, r.props, (id) => (typeof id === 'number' && design.resources[id] ? refOf(design, design.resources[id]!) : id)) as Record<string, unknown>,
    piece: owners[id] !== undefined ? refOf(design, design.resources[owners[id]!]!) : '',
    awsType: r.awsType ?? '',
  }));
}

/** The lines between pieces: every reference that means a connection the board draws. */
export function boardLines(design: Design): BoardLine[] {
  const lines: BoardLine[] = [];
  const seen = new Set<string>();
  for (const r of design.resources) {
    for (const id of referencesOf(r)) {
      const target = design.resources[id];
      if (!target) continue;
      const meaning = connectionMeaning(r.kind, target.kind);
      if (!meaning) continue;
      const from = refOf(design, r);
      const to = refOf(design, target);
      const key = `${from}>${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push({ from, to, meaning });
    }
  }
  return lines;
}

/** Each resource's status after the last step, by resource id, rounded as the board shows it. */
export function pieceStatuses(world: World, statuses: readonly (ResourceStatus | undefined)[] = resourceStatuses(world)): PieceStatus[] {
  const alarms = new Map<number, AlarmStateName>();
  for (let a = 0; a < world.topo.alarmCount; a++) alarms.set(world.topo.alarmResource[a]!, ALARM_NAMES[world.state.alarmState[a]!] ?? 'INSUFFICIENT_DATA');
  return world.design.resources.map((r, id) => {
    const status = statuses[id];
    const zone = status?.zone ?? (r.kind === 'subnet' ? r.props.zone : undefined);
    return {
      health: status?.health ?? 'ok',
      load: roundTo(status?.load ?? 0, 0.01),
      rps: roundTo(status?.rps ?? 0, 1),
      count: status?.count ?? 0,
      ...(zone !== undefined ? { zone } : {}),
      ...(alarms.has(id) ? { alarm: alarms.get(id)! } : {}),
      ...(status?.group ? { group: status.group } : {}),
    };
  });
}

const LINE_RANK: readonly Health[] = ['down', 'warning', 'booting', 'ok', 'idle'];

/** The health a line between two pieces shows: the worse of what it connects, as traffic sees it (idle ends do not count). */
export function lineHealth(a: Health | undefined, b: Health | undefined): Health {
  const pick = [a ?? 'idle', b ?? 'idle'].sort((x, y) => LINE_RANK.indexOf(x) - LINE_RANK.indexOf(y));
  return pick[0] === 'idle' ? pick[1]! : pick[0]!;
}

/** Requests per second a line carries: what its downstream piece reports, else what its upstream does. */
export function lineRps(from: number | undefined, to: number | undefined): number {
  if (to !== undefined && to > 0) return from !== undefined && from > 0 ? Math.min(from, to) : to;
  return from ?? 0;
}

/** Instances running, alone or in Auto Scaling groups: the "healthy hosts" chart. */
export function healthyHosts(world: World, statuses: readonly (ResourceStatus | undefined)[] = resourceStatuses(world)): number {
  return statuses.reduce((n, s, id) => n + (s && (world.design.resources[id]!.kind === 'instance' || world.design.resources[id]!.kind === 'autoScalingGroup') ? s.count : 0), 0);
}

/** Mean utilisation (0–1) of the compute (instances, groups) and of the databases: the utilisation chart. */
export function utilisationOf(world: World, statuses: readonly (ResourceStatus | undefined)[] = resourceStatuses(world)): { compute: number; database: number } {
  let compute = 0;
  let computeCount = 0;
  let database = 0;
  let databaseCount = 0;
  statuses.forEach((s, id) => {
    if (!s) return;
    const kind = world.design.resources[id]!.kind;
    if (kind === 'instance' || kind === 'autoScalingGroup') {
      compute += roundTo(s.load, 0.01);
      computeCount++;
    } else if (kind === 'database') {
      database += roundTo(s.load, 0.01);
      databaseCount++;
    }
  });
  return { compute: computeCount ? compute / computeCount : 0, database: databaseCount ? database / databaseCount : 0 };
}

/** The world's running totals, as a chart point counts from. */
export function minuteMark(world: World, at: number): MinuteMark {
  const tally = world.state.tally;
  return { at: at - (at % 60), offered: tally[T_OFFERED]!, failed: tally[T_FAILED]! + tally[T_SHED]! };
}

/** The chart point at `nowS`: requests and errors since `since`, the last step's p95, spend so far. */
export function chartPoint(
  world: World,
  since: MinuteMark,
  nowS: number,
  statuses: readonly (ResourceStatus | undefined)[] = resourceStatuses(world),
  metricKeys: readonly string[] = [],
): ChartPoint {
  const tally = world.state.tally;
  const now = minuteMark(world, nowS);
  const use = utilisationOf(world, statuses);
  return {
    tS: nowS,
    requests: Math.round(now.offered - since.offered),
    errors: Math.round(now.failed - since.failed),
    p95Ms: roundTo(world.last.latencyP95Ms, 1),
    costUsd: roundTo(tally[T_COST]!, 0.01),
    healthyHosts: healthyHosts(world, statuses),
    cacheHitRatio: roundTo(world.last.cacheHitRatio, 0.01),
    computeLoad: roundTo(use.compute, 0.01),
    databaseLoad: roundTo(use.database, 0.01),
    metrics: sampleMetrics(world, metricKeys),
  };
}

/** Availability per simulated minute (1 for a minute with no requests): what a competition's results keep. */
export function availabilitySeries(points: readonly ChartPoint[]): { tS: number; availability: number }[] {
  return points.map((p) => ({ tS: p.tS, availability: p.requests > 0 ? (p.requests - p.errors) / p.requests : 1 }));
}

/**
 * How finely an objective's figure is shown, by metric: the standing carries it rounded so, which is also what
 * survives the wire (Colyseus sends a number as a float32 when that loses under 1e-4, so a figure carried
 * finer than it is shown could round the other way on the screen).
 */
const OBJECTIVE_STEP: Record<string, number> = {
  availability: 0.00001,
  nines: 0.01,
  latencyP50: 1,
  latencyP95: 1,
  latencyP99: 1,
  cost: 0.01,
  revenue: 0.01,
  profit: 0.01,
  budgetShare: 0.001,
  inspectedShare: 0.0001,
  leastPrivilege: 0.001,
  timeToRecoveryS: 1,
};

/** The team's standing as the leaderboard shows it. */
/** `leastPrivilege`: the team's figure when the caller has it (a match; see team-standing.ts), else absent (1). */
export function standingView(team: Team, leastPrivilege?: number): StandingView {
  const standing = standingOf(team.world, leastPrivilege === undefined ? {} : { leastPrivilege });
  return {
    score: Math.round(standing.score),
    stars: standing.stars,
    availability: roundTo(standing.availability, 0.0001),
    nines: roundTo(standing.nines, 0.01),
    parts: { availability: roundTo(standing.parts.availability, 0.1), latency: roundTo(standing.parts.latency, 0.1), cost: roundTo(standing.parts.cost, 0.1) },
    objectives: standing.objectives.map((o) => ({ id: o.id, primary: o.primary, metric: o.metric, target: o.target, value: roundTo(o.value, OBJECTIVE_STEP[o.metric] ?? 0.0001), met: o.met })),
    p95Ms: roundTo(standing.measures.latencyP95Ms, 1),
    costUsd: roundTo(standing.measures.costUsd, 0.01),
    revenueUsd: roundTo(standing.measures.revenueUsd, 0.01),
    budgetUsd: roundTo(standing.budgetUsd, 0.01),
  };
}
