// The one projection of a match onto the wire state. Called after every tick; it writes only what changed,
// since every write becomes bytes in every client's patch: design-derived fields when the design changes,
// statuses rounded so that noise below what the board shows sends nothing.
import { connectionMeaning } from '../../shared/design/connections.ts';
import { refOf } from '../../shared/design/edits.ts';
import type { Design } from '../../shared/design/model.ts';
import { mapReferences, referencesOf } from '../../shared/design/references.ts';
import type { Match, Team } from '../../shared/match/match.ts';
import { simSeconds } from '../../shared/match/match.ts';
import { T_COST, T_FAILED, T_OFFERED, T_SHED } from '../../shared/sim/state.ts';
import { resourceStatuses } from '../../shared/sim/status.ts';
import { standingOf } from '../../shared/sim/standing.ts';
import { hintsDue } from '../../shared/sim/hints.ts';
import {
  AccountState,
  HintItem,
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
  type MatchState,
} from './match-state.ts';

export interface SeatView {
  sessionId: string;
  nickname: string;
  team: string | null;
  host: boolean;
  connected: boolean;
  principal: string;
}

/** What the projection remembers between calls, per team: to write only what changed. */
export interface ProjectionMemo {
  design: WeakMap<Team, Design>;
  minute: Map<string, { at: number; offered: number; failed: number }>;
  timeline: Map<string, number>;
  directory?: unknown;
}

export function newMemo(): ProjectionMemo {
  return { design: new WeakMap(), minute: new Map(), timeline: new Map() };
}

const round = (x: number, step: number) => Math.round(x / step) * step;

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

function projectDesign(board: TeamBoard, design: Design): void {
  board.revision += 1;
  board.stacks.clear();
  for (const s of design.stacks) board.stacks.push(Object.assign(new WireStack(), { name: s.name, region: s.region }));
  const refs = new Set<string>();
  for (const r of design.resources) {
    const ref = refOf(design, r);
    refs.add(ref);
    const wire = board.resources.get(ref) ?? new WireResource();
    set(wire, 'ref', ref);
    set(wire, 'kind', r.kind);
    set(wire, 'stack', design.stacks[r.stack]?.name ?? '');
    set(wire, 'logicalId', r.logicalId);
    set(wire, 'region', design.stacks[r.stack]?.region ?? '');
    set(wire, 'x', r.position?.x ?? 0);
    set(wire, 'y', r.position?.y ?? 0);
    const named = mapReferences(r.kind, r.props, (id) => (typeof id === 'number' && design.resources[id] ? refOf(design, design.resources[id]!) : id));
    set(wire, 'props', JSON.stringify(named));
    if (!board.resources.has(ref)) board.resources.set(ref, wire);
  }
  for (const key of [...board.resources.keys()]) if (!refs.has(key)) board.resources.delete(key);

  const links = new Set<string>();
  for (const r of design.resources) {
    for (const id of referencesOf(r)) {
      const target = design.resources[id];
      if (!target) continue;
      const meaning = connectionMeaning(r.kind, target.kind);
      if (!meaning) continue;
      const from = refOf(design, r);
      const to = refOf(design, target);
      const key = `${from}>${to}`;
      links.add(key);
      if (!board.links.has(key)) board.links.set(key, Object.assign(new WireLink(), { from, to, meaning }));
    }
  }
  for (const key of [...board.links.keys()]) if (!links.has(key)) board.links.delete(key);
}

function projectStatus(board: TeamBoard, team: Team): void {
  const design = team.world.design;
  const statuses = resourceStatuses(team.world);
  design.resources.forEach((r, id) => {
    const wire = board.resources.get(refOf(design, r));
    const status = statuses[id];
    if (!wire) return;
    set(wire, 'health', status?.health ?? 'ok');
    set(wire, 'load', round(status?.load ?? 0, 0.01));
    set(wire, 'rps', round(status?.rps ?? 0, 1));
    set(wire, 'count', status?.count ?? 0);
    set(wire, 'zone', status?.zone ?? (r.kind === 'subnet' ? r.props.zone : wire.zone));
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
  const tally = team.world.state.tally;
  const last = memo.minute.get(team.id) ?? { at: 0, offered: 0, failed: 0 };
  if (nowS - last.at < 60) return;
  const offered = tally[T_OFFERED]!;
  const failed = tally[T_FAILED]! + tally[T_SHED]!;
  const healthy = resourceStatuses(team.world).reduce((n, s, id) => n + (s && ['instance', 'autoScalingGroup'].includes(team.world.design.resources[id]!.kind) ? s.count : 0), 0);
  const point = Object.assign(new SeriesPoint(), {
    tS: nowS,
    requests: Math.round(offered - last.offered),
    errors: Math.round(failed - last.failed),
    p95Ms: round(team.world.last.latencyP95Ms, 1),
    costUsd: round(tally[T_COST]!, 0.01),
    healthyHosts: healthy,
    cacheHitRatio: round(team.world.last.cacheHitRatio, 0.01),
  });
  board.series.push(point);
  while (board.series.length > SERIES_POINTS) board.series.shift();
  memo.minute.set(team.id, { at: nowS - (nowS % 60), offered, failed });
}

function projectTimeline(board: TeamBoard, team: Team, memo: ProjectionMemo): void {
  const timeline = team.world.timeline;
  const from = Math.max(memo.timeline.get(team.id) ?? 0, timeline.length - TIMELINE_ITEMS);
  for (let i = from; i < timeline.length; i++) {
    const e = timeline[i]!;
    board.timeline.push(Object.assign(new TimelineItem(), { tS: e.tS, kind: e.kind, message: e.message }));
  }
  while (board.timeline.length > TIMELINE_ITEMS) board.timeline.shift();
  memo.timeline.set(team.id, timeline.length);
}

function projectSummary(summary: TeamSummary, team: Team, members: number): void {
  const standing = standingOf(team.world);
  set(summary, 'id', team.id);
  set(summary, 'name', team.name);
  set(summary, 'members', members);
  set(summary, 'score', Math.round(standing.score));
  set(summary, 'stars', standing.stars);
  set(summary, 'availability', round(standing.availability, 0.0001));
  set(summary, 'p95Ms', round(standing.measures.latencyP95Ms, 1));
  set(summary, 'costUsd', round(standing.measures.costUsd, 0.01));
  set(summary, 'revenueUsd', round(standing.measures.revenueUsd, 0.01));
  set(summary, 'budgetUsd', round(standing.budgetUsd, 0.01));
}

export function projectMatch(state: MatchState, match: Match, seats: readonly SeatView[], memo: ProjectionMemo, withStatus: boolean): void {
  set(state, 'mode', match.mode);
  set(state, 'scenarioId', match.scenario.id);
  set(state, 'title', match.scenario.title);
  set(state, 'phase', match.clock.phase);
  set(state, 'speed', match.clock.speed);
  set(state, 'step', match.clock.step);
  set(state, 'endStep', match.clock.endStep);
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
    if (!state.players.has(seat.sessionId)) state.players.set(seat.sessionId, player);
  }
  for (const id of [...state.players.keys()]) if (!present.has(id)) state.players.delete(id);

  for (const team of match.teams) {
    const summary = state.teams.get(team.id) ?? new TeamSummary();
    projectSummary(summary, team, seats.filter((s) => s.team === team.id).length);
    if (!state.teams.has(team.id)) state.teams.set(team.id, summary);

    let board = state.boards.get(team.id);
    if (!board) {
      board = Object.assign(new TeamBoard(), { team: team.id, revision: 0 });
      state.boards.set(team.id, board);
    }
    if (memo.design.get(team) !== team.world.design) {
      projectDesign(board, team.world.design);
      board.warnings.clear();
      for (const w of team.world.topo.warnings.slice(0, 20)) board.warnings.push(w);
      memo.design.set(team, team.world.design);
      projectStatus(board, team);
    } else if (withStatus) {
      projectStatus(board, team);
    }
    if (withStatus) projectHints(board, team);
    projectSeries(board, team, memo, simSeconds(match));
    projectTimeline(board, team, memo);
  }

  if (memo.directory !== match.directory) {
    const account = state.account.get('account') ?? new AccountState();
    account.directory = JSON.stringify(match.directory);
    if (!state.account.has('account')) state.account.set('account', account);
    memo.directory = match.directory;
  }
}
