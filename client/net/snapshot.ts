// The wire state as the view-model reads it: the room's state as plain data (see wire-mirror.ts), with each
// resource's props parsed once per change of their JSON. A reader remembers what it made: a resource, board or
// list whose wire data is the same object as last time is the same object again, so a snapshot costs what the
// patch changed, and whoever reads it can tell what changed by identity. No Phaser, no DOM.
//
// A field added to a wire class (server/wire/match-state.ts) arrives here by itself, typed from the schema: the
// resource, board, player and team types below are the wire's own plus only what the client reshapes. A field
// that needs reshaping (JSON text to parse, a map to list) is one line in `resourceOf` or `boardOf`.
import type { ResourceKind } from '../../shared/design/model.ts';
import type { ChartPoint, StandingView } from '../../shared/match/board-view.ts';
import type { MatchState, PlayerState, TeamBoard as WireBoard, TeamSummary as WireTeam, WireResource } from '../../server/wire/match-state.ts';

/** A wire class's data as plain JSON, as its toJSON() (and the wire mirror) gives it. */
type Json<T extends { toJSON(): unknown }> = ReturnType<T['toJSON']>;

export type Health = 'ok' | 'warning' | 'down' | 'booting' | 'idle';

type WireResourceJson = Json<WireResource>;

/** A resource on a team's board: the wire's resource, with its kind, props and health as the client reads them. */
export type BoardResource = Omit<WireResourceJson, 'kind' | 'props' | 'health'> & {
  kind: ResourceKind;
  /** Properties with references as "stack/LogicalId". */
  props: Record<string, unknown>;
  health: Health;
};

export interface BoardLink {
  from: string;
  to: string;
  meaning: string;
}

/** One point a minute of a board's charts: the shared board view's own shape. */
export type SeriesPoint = ChartPoint;

export interface TimelineItem {
  tS: number;
  kind: string;
  message: string;
  /** The scenario's own Korean for the message, when the wire carries it. */
  messageKo?: string;
}

type WireBoardJson = Json<WireBoard>;

/** A team's board: the wire's board, with its maps as lists and its resources read (see `boardOf`). */
export type TeamBoard = Omit<WireBoardJson, 'resources' | 'links' | 'series' | 'timeline' | 'hints'> & {
  resources: BoardResource[];
  links: BoardLink[];
  series: SeriesPoint[];
  timeline: TimelineItem[];
  /** The scenario's live hints whose conditions hold now, in both languages. */
  hints: { id: string; en: string; ko: string }[];
};

export type PlayerSeat = Json<PlayerState> & { sessionId: string };

/** A team's line on the leaderboard: its standing as the shared board view states it, and who it is. */
export type TeamSummary = Json<WireTeam> & StandingView;

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

export type StateJson = Json<MatchState>;

const EMPTY_BOARD: TeamBoard = { team: '', revision: 0, stacks: [], resources: [], links: [], series: [], timeline: [], warnings: [], hints: [] };

/** What a derivation made of a source object, kept while the source lives (wire copies are shared; see above). */
class Derived<S extends object, R> {
  private readonly made = new WeakMap<S, R>();
  private readonly make: (source: S) => R;

  constructor(make: (source: S) => R) {
    this.make = make;
  }

  of(source: S): R {
    let result = this.made.get(source);
    if (result === undefined) {
      result = this.make(source);
      this.made.set(source, result);
    }
    return result;
  }
}

function parseProps(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text || '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * Reads the room's state, snapshot after snapshot, remaking only what changed. One reader per connection;
 * `new SnapshotReader().read(json)` is the full rebuild (tests compare the two).
 */
export class SnapshotReader {
  /** The last props read per resource: parsed again only when their JSON text changes. */
  private readonly props = new Map<string, { text: string; props: Record<string, unknown> }>();

  private readonly resource = new Derived((r: WireResourceJson): BoardResource => this.resourceOf(r));

  private readonly resourceList = new Derived((map: Record<string, WireResourceJson>) => Object.values(map).map((r) => this.resource.of(r)));
  private readonly valueList = new Derived((map: Record<string, unknown>): unknown[] => Object.values(map));
  private readonly seatList = new Derived((map: Record<string, Json<PlayerState>>): PlayerSeat[] => Object.entries(map).map(([id, p]) => ({ ...p, sessionId: id })));
  private readonly board = new Derived((b: WireBoardJson): TeamBoard => this.boardOf(b));
  private readonly boardList = new Derived((map: Record<string, WireBoardJson>) => Object.values(map).map((b) => this.board.of(b)));

  private propsOf(ref: string, text: string): Record<string, unknown> {
    const hit = this.props.get(ref);
    if (hit && hit.text === text) return hit.props;
    const props = parseProps(text);
    this.props.set(ref, { text, props });
    return props;
  }

  /** A resource as the client reads it: the one place a resource field is reshaped (the rest are the wire's). */
  private resourceOf(r: WireResourceJson): BoardResource {
    return {
      ...r,
      kind: r.kind as ResourceKind,
      props: this.propsOf(r.ref, r.props),
      health: (r.health || 'idle') as Health,
    };
  }

  /** A team's board as the client reads it: the one place a board field is reshaped (the rest are the wire's). */
  private boardOf(json: WireBoardJson): TeamBoard {
    return {
      ...json,
      stacks: json.stacks ?? [],
      resources: json.resources ? this.resourceList.of(json.resources) : [],
      links: json.links ? (this.valueList.of(json.links) as BoardLink[]) : [],
      series: json.series ?? [],
      timeline: json.timeline ?? [],
      warnings: json.warnings ?? [],
      hints: json.hints ?? [],
    };
  }

  read(state: StateJson, sessionId: string): MatchSnapshot {
    const players = state.players ? this.seatList.of(state.players) : [];
    const me = players.find((p) => p.sessionId === sessionId);
    const boards = state.boards ? this.boardList.of(state.boards) : [];
    const board = boards.find((b) => b.team === me?.team) ?? boards[0] ?? EMPTY_BOARD;
    const account = state.account ? Object.values(state.account)[0] : undefined;
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
      teams: state.teams ? (this.valueList.of(state.teams) as TeamSummary[]) : [],
      board,
      boards,
      directory: account?.directory ?? null,
    };
  }
}

/** A snapshot made from nothing remembered: the full rebuild. */
export function snapshotOf(state: StateJson, sessionId: string): MatchSnapshot {
  return new SnapshotReader().read(state, sessionId);
}
