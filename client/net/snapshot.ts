// The wire state as plain data for the view-model: what the room patches, with each resource's props parsed
// once per change of its JSON. No Phaser, no DOM.
import type { ResourceKind } from '../../shared/design/model.ts';
import type { ChartPoint, StandingView } from '../../shared/match/board-view.ts';
import type { TimelineValues } from '../../shared/sim/timeline-text.ts';
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
}

interface WireBoardJson {
  team: string;
  revision: number;
  stacks?: { name: string; region: string }[];
  resources?: Record<string, WireResourceJson>;
  links?: Record<string, BoardLink>;
  series?: SeriesPoint[];
  timeline?: { tS: number; kind: string; code: string; values: string }[];
  warnings?: string[];
  hints?: { id: string; en: string; ko: string }[];
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

const EMPTY_BOARD: TeamBoard = { team: '', revision: 0, stacks: [], resources: [], links: [], series: [], timeline: [], warnings: [], hints: [] };

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
    })),
    links: Object.values(json.links ?? {}),
    series: json.series ?? [],
    timeline: (json.timeline ?? []).map((e) => ({ tS: e.tS, kind: e.kind, code: e.code, values: valuesOf(e.values) })),
    warnings: json.warnings ?? [],
    hints: json.hints ?? [],
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
