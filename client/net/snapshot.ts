// The wire state as plain data for the view-model: what the room patches, with each resource's props parsed
// once per change of its JSON. No Phaser, no DOM.
import type { ResourceKind } from '../../shared/design/model.ts';
import type { ChartPoint, StandingView } from '../../shared/match/board-view.ts';
import type { TimelineValues } from '../../shared/sim/timeline-text.ts';
import type { CostView } from '../../shared/match/cost-view.ts';
import type { Debrief } from '../../shared/match/debrief.ts';
import type { MatchState } from '../../server/wire/match-state.ts';

export type Health = 'ok' | 'warning' | 'down' | 'booting' | 'idle';

export interface BoardResource {
  ref: string;
  kind: ResourceKind;
  stack: string;
  logicalId: string;
  region: string;
  zone: string;
  x: number;
  y: number;
  /** Properties with references as "stack/LogicalId". */
  props: Record<string, unknown>;
  health: Health;
  load: number;
  rps: number;
  count: number;
  /** A public subnet, by the rules (shared/match/board-flags.ts). */
  publicSubnet: boolean;
  /** Where users' requests enter the design. */
  entry: boolean;
  /** An alarm's state (OK, ALARM, INSUFFICIENT_DATA); empty for other kinds. */
  alarmState: string;
}

export interface BoardLink {
  from: string;
  to: string;
  meaning: string;
}

/** One point a minute of a board's charts: the shared board view's own shape. */
export type SeriesPoint = ChartPoint;

/** A timeline entry as the shared simulation wrote it: a code and its values, said by client/i18n/timeline-entry.ts. */
export interface TimelineItem {
  tS: number;
  kind: string;
  code: string;
  values: TimelineValues;
}

/** The debrief as the shared rules told it (shared/match/debrief.ts), its entries as timeline items. */
export type BoardDebrief = Omit<Debrief, 'firstFailure' | 'cause' | 'budgetAlert'> & { firstFailure?: TimelineItem; cause?: TimelineItem; budgetAlert?: TimelineItem };

export interface TeamBoard {
  team: string;
  revision: number;
  stacks: { name: string; region: string }[];
  resources: BoardResource[];
  links: BoardLink[];
  series: SeriesPoint[];
  timeline: TimelineItem[];
  warnings: string[];
  /** The scenario's live hints whose conditions hold now, in both languages. */
  hints: { id: string; en: string; ko: string }[];
  /** Cost Explorer's figures (shared/match/cost-view.ts). */
  cost: CostView;
  debrief: BoardDebrief;
  /** Zones down (alone or with their region) and regions down. */
  darkZones: string[];
  darkRegions: string[];
}

export interface PlayerSeat {
  sessionId: string;
  nickname: string;
  team: string;
  host: boolean;
  connected: boolean;
  principal: string;
}

/** A team's line on the leaderboard: its standing as the shared board view states it, and who it is. */
export interface TeamSummary extends StandingView {
  id: string;
  name: string;
  members: number;
}

export type Phase = 'build' | 'running' | 'paused' | 'results';

export interface MatchSnapshot {
  code: string;
  mode: string;
  scenarioId: string;
  title: string;
  phase: Phase;
  speed: number;
  step: number;
  endStep: number;
  simS: number;
  durationS: number;
  /** A classroom competition's planned build time: when it ends (epoch ms on the server's clock; 0 when none). */
  buildEndsAtMs: number;
  me: PlayerSeat | undefined;
  players: PlayerSeat[];
  teams: TeamSummary[];
  /** The board this player plays on (the host of a classroom: the first team's). */
  board: TeamBoard;
  /** Every board this client may see (the host: all of them). */
  boards: TeamBoard[];
  /** The IAM directory as JSON, for the host only. */
  directory: string | null;
}

interface WireResourceJson {
  ref: string;
  kind: string;
  stack: string;
  logicalId: string;
  region: string;
  zone: string;
  x: number;
  y: number;
  props: string;
  health: string;
  load: number;
  rps: number;
  count: number;
  publicSubnet?: boolean;
  entry?: boolean;
  alarmState?: string;
}

interface WireCostJson {
  spentUsd?: number;
  budgetUsd?: number;
  hourlyUsd?: number;
  forecastUsd?: number;
  forecastReady?: boolean;
  forecastOverBudget?: boolean;
  byService?: CostView['byService'];
  byRegion?: CostView['byRegion'];
}

interface WireBoardJson {
  team: string;
  revision: number;
  stacks?: { name: string; region: string }[];
  resources?: Record<string, WireResourceJson>;
  links?: Record<string, BoardLink>;
  series?: SeriesPoint[];
  timeline?: WireTimelineJson[];
  warnings?: string[];
  hints?: { id: string; en: string; ko: string }[];
  cost?: WireCostJson;
  debrief?: WireDebriefJson;
  darkZones?: string[];
  darkRegions?: string[];
}

export type StateJson = Omit<ReturnType<MatchState['toJSON']>, 'boards' | 'players' | 'teams' | 'account'> & {
  code: string;
  mode: string;
  scenarioId: string;
  title: string;
  phase: string;
  speed: number;
  step: number;
  endStep: number;
  simS: number;
  durationS: number;
  buildEndsAtMs?: number;
  players?: Record<string, Omit<PlayerSeat, 'sessionId'>>;
  teams?: Record<string, TeamSummary>;
  boards?: Record<string, WireBoardJson>;
  account?: Record<string, { directory: string }>;
};

export const NO_COST: CostView = { spentUsd: 0, budgetUsd: 0, hourlyUsd: 0, forecastUsd: null, forecastOverBudget: false, byService: [], byRegion: [] };
export const NO_DEBRIEF: BoardDebrief = { scaling: 0, refused: 0 };

const EMPTY_BOARD: TeamBoard = {
  team: '',
  revision: 0,
  stacks: [],
  resources: [],
  links: [],
  series: [],
  timeline: [],
  warnings: [],
  hints: [],
  cost: NO_COST,
  debrief: NO_DEBRIEF,
  darkZones: [],
  darkRegions: [],
};

/** The cost figures as sent: a forecast only once the rules have made one. */
function costOf(json: WireCostJson | undefined): CostView {
  if (!json) return NO_COST;
  return {
    spentUsd: json.spentUsd ?? 0,
    budgetUsd: json.budgetUsd ?? 0,
    hourlyUsd: json.hourlyUsd ?? 0,
    forecastUsd: json.forecastReady ? (json.forecastUsd ?? 0) : null,
    forecastOverBudget: json.forecastOverBudget ?? false,
    byService: json.byService ?? [],
    byRegion: json.byRegion ?? [],
  };
}

/** A timeline entry as the wire carries it: its values as JSON text. */
interface WireTimelineJson {
  tS: number;
  kind: string;
  code: string;
  values: string;
}

type WireDebriefJson = Partial<Omit<BoardDebrief, 'firstFailure' | 'cause' | 'budgetAlert'>> & { firstFailure?: WireTimelineJson; cause?: WireTimelineJson; budgetAlert?: WireTimelineJson };

const timelineItemOf = (e: WireTimelineJson): TimelineItem => ({ tS: e.tS, kind: e.kind, code: e.code, values: valuesOf(e.values) });

/** The debrief as sent: an entry the wire leaves empty is absent. */
function debriefOf(json: WireDebriefJson | undefined): BoardDebrief {
  const item = (x: WireTimelineJson | undefined) => (x && typeof x.tS === 'number' && typeof x.code === 'string' ? timelineItemOf(x) : undefined);
  const firstFailure = item(json?.firstFailure);
  const cause = item(json?.cause);
  const budgetAlert = item(json?.budgetAlert);
  const worstMinute = json?.worstMinute && typeof json.worstMinute.tS === 'number' ? json.worstMinute : undefined;
  return {
    scaling: json?.scaling ?? 0,
    refused: json?.refused ?? 0,
    ...(firstFailure ? { firstFailure } : {}),
    ...(cause ? { cause } : {}),
    ...(budgetAlert ? { budgetAlert } : {}),
    ...(worstMinute ? { worstMinute } : {}),
  };
}

/** Parses props JSON only when it changed since the last snapshot. */
export class PropsCache {
  private cache = new Map<string, { text: string; props: Record<string, unknown> }>();

  read(ref: string, text: string): Record<string, unknown> {
    const hit = this.cache.get(ref);
    if (hit && hit.text === text) return hit.props;
    let props: Record<string, unknown> = {};
    try {
      props = JSON.parse(text || '{}') as Record<string, unknown>;
    } catch {
      props = {};
    }
    this.cache.set(ref, { text, props });
    return props;
  }
}

/** A timeline entry's values from their wire JSON; the same text gives the same object (entries repeat every patch). */
const parsedValues = new Map<string, TimelineValues>();
function valuesOf(text: string): TimelineValues {
  let values = parsedValues.get(text);
  if (values) return values;
  try {
    values = JSON.parse(text || '{}') as TimelineValues;
  } catch {
    values = {};
  }
  if (parsedValues.size > 500) parsedValues.clear();
  parsedValues.set(text, values);
  return values;
}

function boardOf(json: WireBoardJson, cache: PropsCache): TeamBoard {
  return {
    team: json.team,
    revision: json.revision,
    stacks: json.stacks ?? [],
    resources: Object.values(json.resources ?? {}).map((r) => ({
      ref: r.ref,
      kind: r.kind as ResourceKind,
      stack: r.stack,
      logicalId: r.logicalId,
      region: r.region,
      zone: r.zone,
      x: r.x,
      y: r.y,
      props: cache.read(r.ref, r.props),
      health: (r.health || 'idle') as Health,
      load: r.load,
      rps: r.rps,
      count: r.count,
      publicSubnet: r.publicSubnet ?? false,
      entry: r.entry ?? false,
      alarmState: r.alarmState ?? '',
    })),
    links: Object.values(json.links ?? {}),
    series: json.series ?? [],
    timeline: (json.timeline ?? []).map(timelineItemOf),
    warnings: json.warnings ?? [],
    hints: json.hints ?? [],
    cost: costOf(json.cost),
    debrief: debriefOf(json.debrief),
    darkZones: json.darkZones ?? [],
    darkRegions: json.darkRegions ?? [],
  };
}

export function snapshotOf(state: StateJson, sessionId: string, cache: PropsCache): MatchSnapshot {
  const players = Object.entries(state.players ?? {}).map(([id, p]) => ({ ...p, sessionId: id }));
  const me = players.find((p) => p.sessionId === sessionId);
  const boards = Object.values(state.boards ?? {}).map((b) => boardOf(b, cache));
  const board = boards.find((b) => b.team === me?.team) ?? boards[0] ?? EMPTY_BOARD;
  const account = Object.values(state.account ?? {})[0];
  return {
    code: state.code,
    mode: state.mode,
    scenarioId: state.scenarioId,
    title: state.title,
    phase: (state.phase || 'build') as Phase,
    speed: state.speed,
    step: state.step,
    endStep: state.endStep,
    simS: state.simS,
    durationS: state.durationS,
    buildEndsAtMs: state.buildEndsAtMs ?? 0,
    me,
    players,
    teams: Object.values(state.teams ?? {}),
    board,
    boards,
    directory: account?.directory ?? null,
  };
}
