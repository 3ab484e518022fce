// The one projection of a match onto the wire state. Called after every tick; it writes only what changed,
// since every write becomes bytes in every client's patch: design-derived fields when the design changes,
// statuses rounded so that noise below what the board shows sends nothing.
import { metricsToWire } from '../../shared/protocol/series-metrics.ts';
import { teamPrivilegeScore } from '../../shared/iam/activity.ts';
import { refOf } from '../../shared/design/edits.ts';
import type { Design } from '../../shared/design/model.ts';
import { darkView, pieceFlags } from '../../shared/match/board-flags.ts';
import { extendMetricKeys } from '../../shared/match/dashboard-metrics.ts';
import { boardLines, boardPieces, chartPoint, FIRST_MINUTE, minuteMark, pieceStatuses, standingView, type ChartPoint, type MinuteMark } from '../../shared/match/board-view.ts';
import { costView, type CostLine as CostLineView } from '../../shared/match/cost-view.ts';
import { snapshotViews } from '../../shared/match/snapshot-view.ts';
import { teamRanks } from '../../shared/match/team-rank.ts';
import { debriefOf, worseMinute, worstMinuteOf, type WorstMinute as WorstMinuteView } from '../../shared/match/debrief.ts';
import type { TimelineEntry } from '../../shared/sim/world.ts';
import type { Match, Team } from '../../shared/match/match.ts';
import { simSeconds } from '../../shared/match/match.ts';
import { hintsDue } from '../../shared/sim/hints.ts';
import { warningSentence } from '../../shared/sim/timeline-text.ts';
import {
  AccountState,
  CostLine,
  HintItem,
  ObjectiveItem,
  WorstMinute,
  PlayerState,
  SERIES_POINTS,
  SeriesPoint,
  TIMELINE_ITEMS,
  TeamBoard,
  TeamSummary,
  TimelineItem,
  WireLink,
  WireResource,
  WireStack,
  WireDbSnapshot,
  type MatchState,
} from './match-state.ts';
import { scenarioAccount } from '../../shared/scenario/start.ts';
import { projectSns, type SnsMemo } from './project-sns.ts';

export interface SeatView {
  sessionId: string;
  nickname: string;
  team: string | null;
  host: boolean;
  connected: boolean;
  principal: string;
  /** Whether the seat's requests carry MFA (the room computes it with shared/match/apply.ts actorMfa). */
  mfa?: boolean;
  /** The seat's Switch role view as JSON (shared/match/switch-role.ts), when the room computes it. */
  switchRole?: string;
}

/** What the projection remembers between calls, per team: to write only what changed. */
export interface ProjectionMemo {
  design: WeakMap<Team, Design>;
  minute: Map<string, MinuteMark>;
  timeline: Map<string, number>;
  /** Per team: every chart point of the run (the wire keeps only the latest SERIES_POINTS). */
  history: Map<string, ChartPoint[]>;
  /** Per team: the keys of the metrics its dashboards watch, in the order its chart points carry them. */
  metricKeys: Map<string, string[]>;
  /** Per team: the worst chart minute so far (debrief.ts's rule, fed the points as they are made). */
  worst: Map<string, WorstMinuteView | undefined>;
  /** Per team: what the debrief was last projected from (timeline length, log length, worst minute). */
  debrief: Map<string, string>;
  directory?: unknown;
  /** Per team: its least-privilege figure and what it was computed from (the directory and the log's length). */
  privilege?: Map<string, { directory: unknown; trailLength: number; value: number }>;
  /** Per world: how far its timeline was read for SNS deliveries and subscriptions (project-sns.ts). */
  sns?: SnsMemo;
}

export function newMemo(): ProjectionMemo {
  return { design: new WeakMap(), minute: new Map(), timeline: new Map(), history: new Map(), metricKeys: new Map(), worst: new Map(), debrief: new Map() };
}

/**
 * A team's charts as a checkpoint keeps them: every chart point so far and the counters the next one counts
 * from. Restored with the match, they let the charts, the worst minute and the finished match's records go
 * on where they were, instead of starting again (and counting a whole run's requests into one minute).
 */
export interface ChartMemory {
  minute: MinuteMark;
  points: ChartPoint[];
  /** The dashboards' metric keys the points' metrics follow. */
  metricKeys?: string[];
}

export function chartMemory(memo: ProjectionMemo): Record<string, ChartMemory> {
  const out: Record<string, ChartMemory> = {};
  for (const [team, minute] of memo.minute) out[team] = { minute, points: memo.history.get(team) ?? [], metricKeys: memo.metricKeys.get(team) ?? [] };
  return out;
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isMark = (x: unknown): x is MinuteMark => typeof x === 'object' && x !== null && isNumber((x as MinuteMark).at) && isNumber((x as MinuteMark).offered) && isNumber((x as MinuteMark).failed);
const isPoint = (x: unknown): x is ChartPoint => typeof x === 'object' && x !== null && isNumber((x as ChartPoint).tS) && isNumber((x as ChartPoint).requests) && isNumber((x as ChartPoint).errors);

/** Takes back what `chartMemory` kept; a team whose entry is not well formed starts its charts afresh. */
export function rememberCharts(memo: ProjectionMemo, stored: unknown): void {
  if (typeof stored !== 'object' || stored === null) return;
  for (const [team, entry] of Object.entries(stored as Record<string, unknown>)) {
    const { minute, points, metricKeys } = (entry ?? {}) as { minute?: unknown; points?: unknown; metricKeys?: unknown };
    if (!isMark(minute) || !Array.isArray(points) || !points.every(isPoint)) continue;
    memo.minute.set(team, minute);
    memo.metricKeys.set(team, Array.isArray(metricKeys) && metricKeys.every((k) => typeof k === 'string') ? metricKeys : []);
    memo.history.set(team, points);
    memo.worst.set(team, worstMinuteOf(points));
  }
}

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

function projectDesign(board: TeamBoard, team: Team): void {
  const design = team.world.design;
  const flags = pieceFlags(design, team.world.topo);
  board.revision += 1;
  board.stacks.clear();
  for (const s of design.stacks) board.stacks.push(Object.assign(new WireStack(), { name: s.name, region: s.region, account: s.account === true, retained: s.retained === true }));
  board.snapshots.clear();
  for (const s of snapshotViews(design)) board.snapshots.push(Object.assign(new WireDbSnapshot(), s));
  const refs = new Set<string>();
  boardPieces(design).forEach((piece, id) => {
    refs.add(piece.ref);
    const wire = board.resources.get(piece.ref) ?? new WireResource();
    set(wire, 'ref', piece.ref);
    set(wire, 'kind', piece.kind);
    set(wire, 'stack', piece.stack);
    set(wire, 'logicalId', piece.logicalId);
    set(wire, 'region', piece.region);
    set(wire, 'x', piece.x);
    set(wire, 'y', piece.y);
    set(wire, 'props', JSON.stringify(piece.props));
    set(wire, 'piece', piece.piece);
    set(wire, 'awsType', piece.awsType);
    set(wire, 'publicSubnet', flags[id]!.publicSubnet);
    set(wire, 'entry', flags[id]!.entry);
    if (!board.resources.has(piece.ref)) board.resources.set(piece.ref, wire);
  });
  for (const key of [...board.resources.keys()]) if (!refs.has(key)) board.resources.delete(key);

  const links = new Set<string>();
  for (const line of boardLines(design)) {
    const key = `${line.from}>${line.to}`;
    links.add(key);
    if (!board.links.has(key)) board.links.set(key, Object.assign(new WireLink(), line));
  }
  for (const key of [...board.links.keys()]) if (!links.has(key)) board.links.delete(key);
}

function projectStatus(board: TeamBoard, team: Team): void {
  const design = team.world.design;
  pieceStatuses(team.world).forEach((status, id) => {
    const wire = board.resources.get(refOf(design, design.resources[id]!));
    if (!wire) return;
    set(wire, 'health', status.health);
    set(wire, 'load', status.load);
    set(wire, 'rps', status.rps);
    set(wire, 'count', status.count);
    set(wire, 'zone', status.zone ?? wire.zone);
    if (status.alarm) set(wire, 'alarmState', status.alarm);
    // Sent again only when a figure changed (a boot, a scaling, a refresh), not every tick.
    if (status.group) set(wire, 'group', JSON.stringify(status.group));
  });
}

function projectHints(board: TeamBoard, team: Team): void {
  const due = hintsDue(team.world);
  const same = due.length === board.hints.length && due.every((h, i) => board.hints[i]?.id === h.id);
  if (same) return;
  board.hints.clear();
  for (const h of due) board.hints.push(Object.assign(new HintItem(), { id: h.id, en: h.text.en, ko: h.text.ko }));
}

function projectSeries(board: TeamBoard, team: Team, memo: ProjectionMemo, nowS: number): void {
  const last = memo.minute.get(team.id) ?? FIRST_MINUTE;
  if (nowS - last.at < 60) return;
  // The dashboards' metrics keep their keys; a dashboard saved since adds its own after them.
  const keys = extendMetricKeys(memo.metricKeys.get(team.id) ?? [], team.world.design);
  memo.metricKeys.set(team.id, keys);
  for (let i = board.metricKeys.length; i < keys.length; i++) board.metricKeys.push(keys[i]!);
  const point = chartPoint(team.world, last, nowS, undefined, keys);
  memo.worst.set(team.id, worseMinute(memo.worst.get(team.id), point));
  const history = memo.history.get(team.id) ?? [];
  history.push(point);
  memo.history.set(team.id, history);
  board.series.push(seriesPoint(point));
  while (board.series.length > SERIES_POINTS) board.series.shift();
  memo.minute.set(team.id, minuteMark(team.world, nowS));
}

/** A chart point on the wire (its metrics as text: see SeriesPoint). */
function seriesPoint(point: ChartPoint): SeriesPoint {
  const { metrics, ...figures } = point;
  return Object.assign(new SeriesPoint(), figures, { metrics: metricsToWire(metrics) });
}

/** A timeline entry on the wire: its code, and its values as JSON (the client parses them once per text). */
const timelineItem = (e: TimelineEntry): TimelineItem => Object.assign(new TimelineItem(), { tS: e.tS, kind: e.kind, code: e.code, values: JSON.stringify(e.values) });
/** The same entry (a debrief line is written again only when its entry changed). */
const sameEntry = (wire: TimelineItem | undefined, e: TimelineEntry | undefined) => wire?.tS === e?.tS && wire?.code === e?.code;

function projectTimeline(board: TeamBoard, team: Team, memo: ProjectionMemo): void {
  const timeline = team.world.timeline;
  const from = Math.max(memo.timeline.get(team.id) ?? 0, timeline.length - TIMELINE_ITEMS);
  for (let i = from; i < timeline.length; i++) {
    const e = timeline[i]!;
    board.timeline.push(timelineItem(e));
  }
  while (board.timeline.length > TIMELINE_ITEMS) board.timeline.shift();
  memo.timeline.set(team.id, timeline.length);
}

function setLines(target: { length: number; at(i: number): CostLine | undefined; push(...x: CostLine[]): number; splice(start: number, count?: number): unknown }, lines: readonly CostLineView[]): void {
  lines.forEach((line, i) => {
    const wire = target.at(i);
    if (!wire) target.push(Object.assign(new CostLine(), line));
    else {
      set(wire, 'name', line.name);
      set(wire, 'spentUsd', line.spentUsd);
      set(wire, 'hourlyUsd', line.hourlyUsd);
    }
  });
  if (target.length > lines.length) target.splice(lines.length, target.length - lines.length);
}

function projectCost(board: TeamBoard, team: Team): void {
  const cost = costView(team.world);
  set(board.cost, 'spentUsd', cost.spentUsd);
  set(board.cost, 'budgetUsd', cost.budgetUsd);
  set(board.cost, 'hourlyUsd', cost.hourlyUsd);
  set(board.cost, 'forecastUsd', cost.forecastUsd ?? 0);
  set(board.cost, 'forecastReady', cost.forecastUsd !== null);
  set(board.cost, 'forecastOverBudget', cost.forecastOverBudget);
  setLines(board.cost.byService, cost.byService);
  setLines(board.cost.byRegion, cost.byRegion);
  const { budgets, forecastMonths, savingsPlan, recommendations, reservations, reserved, tagKeys, costTags } = cost;
  set(board.cost, 'explorerJson', JSON.stringify({ budgets, forecastMonths, savingsPlan, recommendations, reservations, reserved, tagKeys, costTags }));
}

function setStrings(target: { length: number; at(i: number): string | undefined; clear(): void; push(...x: string[]): number }, values: readonly string[]): void {
  if (target.length === values.length && values.every((v, i) => target.at(i) === v)) return;
  target.clear();
  for (const v of values) target.push(v);
}

function projectDark(board: TeamBoard, team: Team): void {
  const dark = darkView(team.world);
  setStrings(board.darkZones, dark.zones);
  setStrings(board.darkRegions, dark.regions);
}


function projectDebrief(board: TeamBoard, team: Team, match: Match, memo: ProjectionMemo): void {
  const worst = memo.worst.get(team.id);
  const key = `${team.world.timeline.length}/${match.trail.length}/${worst?.tS ?? ''}`;
  if (memo.debrief.get(team.id) === key) return;
  memo.debrief.set(team.id, key);
  const d = debriefOf(team.id, team.world.timeline, match.trail, worst);
  const wire = board.debrief;
  if (!sameEntry(wire.firstFailure, d.firstFailure)) wire.firstFailure = (d.firstFailure && timelineItem(d.firstFailure))!;
  if (!sameEntry(wire.cause, d.cause)) wire.cause = (d.cause && timelineItem(d.cause))!;
  if (!sameEntry(wire.budgetAlert, d.budgetAlert)) wire.budgetAlert = (d.budgetAlert && timelineItem(d.budgetAlert))!;
  if (wire.worstMinute?.tS !== d.worstMinute?.tS) wire.worstMinute = (d.worstMinute ? Object.assign(new WorstMinute(), d.worstMinute) : undefined)!;
  set(wire, 'scaling', d.scaling);
  set(wire, 'refused', d.refused);
}

/** The team's least privilege (shared/iam/activity.ts), computed again only when the account or the log changed. */
function leastPrivilegeOf(match: Match, team: Team, memo: ProjectionMemo): number {
  const memos = (memo.privilege ??= new Map());
  const last = memos.get(team.id);
  if (last && last.directory === match.directory && last.trailLength === match.trail.length) return last.value;
  const value = teamPrivilegeScore(match.directory, match.trail, team.id, simSeconds(match));
  memos.set(team.id, { directory: match.directory, trailLength: match.trail.length, value });
  return value;
}

function projectSummary(summary: TeamSummary, team: Team, members: number, match: Match, memo: ProjectionMemo): void {
  const standing = standingView(team, leastPrivilegeOf(match, team, memo));
  set(summary, 'id', team.id);
  set(summary, 'name', team.name);
  set(summary, 'members', members);
  set(summary, 'score', standing.score);
  set(summary, 'stars', standing.stars);
  set(summary, 'availability', standing.availability);
  set(summary, 'nines', standing.nines);
  set(summary.parts, 'availability', standing.parts.availability);
  set(summary.parts, 'latency', standing.parts.latency);
  set(summary.parts, 'cost', standing.parts.cost);
  standing.objectives.forEach((o, i) => {
    const wire = summary.objectives.at(i) ?? new ObjectiveItem();
    set(wire, 'id', o.id);
    set(wire, 'primary', o.primary);
    set(wire, 'metric', o.metric);
    set(wire, 'target', o.target);
    set(wire, 'value', o.value);
    set(wire, 'met', o.met);
    if (i >= summary.objectives.length) summary.objectives.push(wire);
  });
  set(summary, 'p95Ms', standing.p95Ms);
  set(summary, 'costUsd', standing.costUsd);
  set(summary, 'revenueUsd', standing.revenueUsd);
  set(summary, 'budgetUsd', standing.budgetUsd);
}

export function projectMatch(state: MatchState, match: Match, seats: readonly SeatView[], memo: ProjectionMemo, withStatus: boolean): void {
  set(state, 'mode', match.mode);
  set(state, 'scenarioId', match.scenario.id);
  set(state, 'levelCode', match.scenario.level?.code ?? '');
  set(state, 'levelVersion', match.scenario.level?.version ?? 0);
  setStrings(state.defaultVpcDeletedIn, scenarioAccount(match.scenario).defaultVpcDeletedIn);
  set(state, 'title', match.scenario.title);
  set(state, 'phase', match.clock.phase);
  set(state, 'speed', match.clock.speed);
  set(state, 'step', match.clock.step);
  set(state, 'endStep', match.clock.endStep);
  set(state, 'endedAtStep', match.clock.endedAtStep ?? -1);
  set(state, 'simS', simSeconds(match));
  set(state, 'durationS', match.scenario.durationS);

  const present = new Set(seats.map((s) => s.sessionId));
  for (const seat of seats) {
    const player = state.players.get(seat.sessionId) ?? new PlayerState();
    set(player, 'nickname', seat.nickname);
    set(player, 'team', seat.team ?? '');
    set(player, 'host', seat.host);
    set(player, 'connected', seat.connected);
    set(player, 'principal', seat.principal);
    set(player, 'mfa', seat.mfa ?? false);
    set(player, 'switchRole', seat.switchRole ?? '');
    if (!state.players.has(seat.sessionId)) state.players.set(seat.sessionId, player);
  }
  for (const id of [...state.players.keys()]) if (!present.has(id)) state.players.delete(id);

  for (const team of match.teams) {
    const summary = state.teams.get(team.id) ?? new TeamSummary();
    projectSummary(summary, team, seats.filter((s) => s.team === team.id).length, match, memo);
    if (!state.teams.has(team.id)) state.teams.set(team.id, summary);

    let board = state.boards.get(team.id);
    if (!board) {
      board = Object.assign(new TeamBoard(), { team: team.id, revision: 0 });
      // A restored match's board charts what it charted before (rememberCharts).
      for (const point of (memo.history.get(team.id) ?? []).slice(-SERIES_POINTS)) board.series.push(seriesPoint(point));
      for (const key of memo.metricKeys.get(team.id) ?? []) board.metricKeys.push(key);
      state.boards.set(team.id, board);
    }
    if (memo.design.get(team) !== team.world.design) {
      projectDesign(board, team);
      board.warnings.clear();
      for (const w of team.world.topo.warnings.slice(0, 20)) board.warnings.push(warningSentence(w));
      memo.design.set(team, team.world.design);
      projectStatus(board, team);
    } else if (withStatus) {
      projectStatus(board, team);
    }
    if (withStatus) {
      projectHints(board, team);
      projectCost(board, team);
      projectDark(board, team);
    }
    projectSeries(board, team, memo, simSeconds(match));
    projectTimeline(board, team, memo);
    projectSns(board, team, memo);
    projectDebrief(board, team, match, memo);
  }
  // Ranked once every team's score is set: the results screen and the projector show the server's order.
  const ranks = teamRanks([...state.teams.values()].map((x) => ({ id: x.id, score: x.score })));
  for (const summary of state.teams.values()) set(summary, 'rank', ranks.get(summary.id) ?? 0);

  if (memo.directory !== match.directory) {
    const account = state.account.get('account') ?? new AccountState();
    account.directory = JSON.stringify(match.directory);
    if (!state.account.has('account')) state.account.set('account', account);
    memo.directory = match.directory;
  }
}
