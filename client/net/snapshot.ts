// The wire state as the view-model reads it: the room's state as plain data (see wire-mirror.ts), with each
// resource's props parsed once per change of their JSON. A reader remembers what it made: a resource, board or
// list whose wire data is the same object as last time is the same object again, so a snapshot costs what the
// patch changed, and whoever reads it can tell what changed by identity. No Phaser, no DOM.
//
// A field added to a wire class (server/wire/match-state.ts) arrives here by itself, typed from the schema: the
// resource, board, player and team types below are the wire's own plus only what the client reshapes. A field
// that needs reshaping (JSON text to parse, a map to list) is one line in `resourceOf` or `boardOf`.
import type { GroupFigures } from '../../shared/sim/group-figures.ts';
import { metricsFromWire } from '../../shared/protocol/series-metrics.ts';
import type { ResourceKind } from '../../shared/design/model.ts';
import type { ChartPoint, StandingView } from '../../shared/match/board-view.ts';
import type { CostView } from '../../shared/match/cost-view.ts';
import { FRESH_ACCOUNT, type Account } from '../../shared/account/default-vpc.ts';
import type { Debrief } from '../../shared/match/debrief.ts';
import type { TimelineValues } from '../../shared/sim/timeline-text.ts';
import type { TopicView } from '../../shared/sim/topic-subscriptions.ts';
import type { MatchState, PlayerState, TeamBoard as WireBoard, TeamSummary as WireTeam, WireResource } from '../../server/wire/match-state.ts';

/** A wire class's data as plain JSON, as its toJSON() (and the wire mirror) gives it. */
type Json<T extends { toJSON(): unknown }> = ReturnType<T['toJSON']>;

export type Health = 'ok' | 'warning' | 'down' | 'booting' | 'idle';

type WireResourceJson = Json<WireResource>;

/** A resource on a team's board: the wire's resource, with its kind, props and health as the client reads them. */
export type BoardResource = Omit<WireResourceJson, 'kind' | 'props' | 'health' | 'group'> & {
  kind: ResourceKind;
  /** Properties with references as "stack/LogicalId". */
  props: Record<string, unknown>;
  health: Health;
  /** An Auto Scaling group's capacity and instances now, from the simulation (not the design's figures). */
  group?: GroupFigures;
};

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

type WireBoardJson = Json<WireBoard>;
/** A timeline entry as the wire carries it: its values as JSON text. */
type WireTimelineJson = WireBoardJson['timeline'][number];
type WireCostJson = WireBoardJson['cost'];
type WireDebriefJson = WireBoardJson['debrief'];

/** A team's board: the wire's board, with its maps as lists and its resources read (see `boardOf`). */
export type TeamBoard = Omit<WireBoardJson, 'resources' | 'links' | 'series' | 'timeline' | 'inbox' | 'topicsJson' | 'hints' | 'cost' | 'debrief'> & {
  resources: BoardResource[];
  links: BoardLink[];
  series: SeriesPoint[];
  timeline: TimelineItem[];
  /** The team's SNS deliveries with their subscribers; a player's inbox is those that reach them (shared/sns/inbox.ts). */
  inbox: TimelineItem[];
  /** The board's SNS topics and their subscriptions (shared/sim/topic-subscriptions.ts). */
  topics: TopicView[];
  /** The scenario's live hints whose conditions hold now, in both languages. */
  hints: { id: string; en: string; ko: string }[];
  /** Cost Explorer's figures (shared/match/cost-view.ts). */
  cost: CostView;
  debrief: BoardDebrief;
};

export type PlayerSeat = Json<PlayerState> & { sessionId: string };

/** A team's line on the leaderboard: its standing as the shared board view states it, and who it is. */
export type TeamSummary = Json<WireTeam> & StandingView;

export type Phase = 'build' | 'running' | 'paused' | 'results';

/** What the teacher set for the room: late joins, whether the build time starts the match, who was removed. */
export interface ClassroomView {
  lateJoins: boolean;
  autoStart: boolean;
  /** Removed players, `sessionId` being the id the teacher lets them back by. */
  removed: PlayerSeat[];
}

export interface MatchSnapshot {
  code: string;
  mode: string;
  scenarioId: string;
  /** A published level's code and version when the match plays one ('' and 0 otherwise). */
  levelCode?: string;
  levelVersion?: number;
  title: string;
  phase: Phase;
  speed: number;
  step: number;
  endStep: number;
  /** Where the host ended the match before the scenario's end (the rest is played out as built); absent: not ended early. */
  endedAtStep?: number;
  simS: number;
  durationS: number;
  /** A classroom competition's planned build time: when it ends (epoch ms on the server's clock; 0 when none). */
  buildEndsAtMs: number;
  /** The account the match's stacks run in: the regions whose default VPC its scenario deleted. */
  account: Account;
  me: PlayerSeat | undefined;
  players: PlayerSeat[];
  /** A classroom's room settings (server/wire/project-classroom.ts); absent on a replay. */
  classroom?: ClassroomView;
  teams: TeamSummary[];
  /** The board this player plays on (the host of a classroom: the first team's). */
  board: TeamBoard;
  /** Every board this client may see (the host: all of them). */
  boards: TeamBoard[];
  /** The IAM directory as JSON, for the host only. */
  directory: string | null;
}

export type StateJson = Json<MatchState>;

export const NO_COST: CostView = {
  spentUsd: 0,
  budgetUsd: 0,
  hourlyUsd: 0,
  forecastUsd: null,
  forecastOverBudget: false,
  byService: [],
  byRegion: [],
  budgets: [],
  forecastMonths: [],
  savingsPlan: null,
  recommendations: [],
  reservations: [],
  reserved: null,
  tagKeys: [],
  costTags: [],
};

type ExplorerParts = Pick<CostView, 'budgets' | 'forecastMonths' | 'savingsPlan' | 'recommendations' | 'reservations' | 'reserved' | 'tagKeys' | 'costTags'>;

/** The explorer's JSON part as the server wrote it (cost-view.ts); nothing when absent or unreadable. */
function explorerOf(text: string | undefined): ExplorerParts {
  const none: ExplorerParts = { budgets: [], forecastMonths: [], savingsPlan: null, recommendations: [], reservations: [], reserved: null, tagKeys: [], costTags: [] };
  if (!text) return none;
  try {
    return { ...none, ...(JSON.parse(text) as Partial<ExplorerParts>) };
  } catch {
    return none;
  }
}
/** The topics' JSON as the server wrote it (project-sns.ts); none when absent or unreadable. */
function topicsOf(text: string): TopicView[] {
  if (!text) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed as TopicView[]) : [];
  } catch {
    return [];
  }
}

export const NO_DEBRIEF: BoardDebrief = { scaling: 0, refused: 0 };

const EMPTY_BOARD: TeamBoard = {
  team: '',
  revision: 0,
  stacks: [],
  snapshots: [],
  resources: [],
  links: [],
  metricKeys: [],
  series: [],
  timeline: [],
  inbox: [],
  topics: [],
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
    ...explorerOf(json.explorerJson),
  };
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
  private readonly removedList = new Derived((map: Record<string, Json<PlayerState>>): PlayerSeat[] => Object.entries(map).map(([id, p]) => ({ ...p, sessionId: id })));
  private classroom: { key: string; view: ClassroomView } | undefined;

  private classroomOf(state: StateJson): ClassroomView {
    const removed = state.removedPlayers ? this.removedList.of(state.removedPlayers) : [];
    const view = { lateJoins: state.lateJoins ?? true, autoStart: state.autoStart ?? false, removed };
    // One object while nothing changes, so views that compare by identity do not redraw.
    const key = JSON.stringify(view);
    if (this.classroom?.key !== key) this.classroom = { key, view };
    return this.classroom.view;
  }

  private readonly seatList = new Derived((map: Record<string, Json<PlayerState>>): PlayerSeat[] => Object.entries(map).map(([id, p]) => ({ ...p, sessionId: id })));
  /** Chart points with their dashboards' metrics read back from the wire's text (server/wire/match-state.ts SeriesPoint). */
  private readonly series = new Derived((points: WireBoardJson['series']): SeriesPoint[] =>
    points.map((p) => ({ ...p, metrics: metricsFromWire(p.metrics) })),
  );
  private readonly board = new Derived((b: WireBoardJson): TeamBoard => this.boardOf(b));
  private readonly account = new Derived((deleted: string[]): Account => ({ defaultVpcDeletedIn: deleted }));
  private readonly timeline = new Derived((list: WireTimelineJson[]): TimelineItem[] => list.map(timelineItemOf));
  private readonly inbox = new Derived((list: WireTimelineJson[]): TimelineItem[] => list.map(timelineItemOf));
  /** The topics as last read, with the JSON they were read from: the same text gives the same list. */
  private topicsRead: { text: string; topics: TopicView[] } = { text: '', topics: [] };
  private readonly cost = new Derived((json: WireCostJson): CostView => costOf(json));
  private readonly debrief = new Derived((json: WireDebriefJson): BoardDebrief => debriefOf(json));
  private readonly boardList = new Derived((map: Record<string, WireBoardJson>) => Object.values(map).map((b) => this.board.of(b)));

  private propsOf(ref: string, text: string): Record<string, unknown> {
    const hit = this.props.get(ref);
    if (hit && hit.text === text) return hit.props;
    const props = parseProps(text);
    this.props.set(ref, { text, props });
    return props;
  }

  /** A resource as the client reads it: the one place a resource field is reshaped (the rest are the wire's). */
  private resourceOf(wire: WireResourceJson): BoardResource {
    const { group, ...r } = wire;
    return {
      ...r,
      kind: r.kind as ResourceKind,
      props: this.propsOf(r.ref, r.props),
      health: (r.health || 'idle') as Health,
      publicSubnet: r.publicSubnet ?? false,
      entry: r.entry ?? false,
      alarmState: r.alarmState ?? '',
      ...(group ? { group: this.groupOf(r.ref, group) } : {}),
    };
  }

  /** A group's figures as last read, with the JSON they were read from: the same text gives the same object. */
  private readonly groups = new Map<string, { text: string; figures: GroupFigures }>();
  private groupOf(ref: string, text: string): GroupFigures {
    const hit = this.groups.get(ref);
    if (hit && hit.text === text) return hit.figures;
    const figures = JSON.parse(text) as GroupFigures;
    this.groups.set(ref, { text, figures });
    return figures;
  }

  private topicsFrom(text: string): TopicView[] {
    if (this.topicsRead.text !== text) this.topicsRead = { text, topics: topicsOf(text) };
    return this.topicsRead.topics;
  }

  /** A team's board as the client reads it: the one place a board field is reshaped (the rest are the wire's). */
  private boardOf(json: WireBoardJson): TeamBoard {
    return {
      ...json,
      stacks: json.stacks ?? [],
      snapshots: json.snapshots ?? [],
      resources: json.resources ? this.resourceList.of(json.resources) : [],
      links: json.links ? (this.valueList.of(json.links) as BoardLink[]) : [],
      series: json.series ? this.series.of(json.series) : [],
      timeline: json.timeline ? this.timeline.of(json.timeline) : [],
      inbox: json.inbox ? this.inbox.of(json.inbox) : [],
      topics: this.topicsFrom(json.topicsJson ?? ''),
      warnings: json.warnings ?? [],
      hints: json.hints ?? [],
      cost: json.cost ? this.cost.of(json.cost) : NO_COST,
      debrief: json.debrief ? this.debrief.of(json.debrief) : NO_DEBRIEF,
      darkZones: json.darkZones ?? [],
      darkRegions: json.darkRegions ?? [],
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
      // Read loosely: a server from before levels sends neither.
      levelCode: (state as { levelCode?: string }).levelCode ?? '',
      levelVersion: (state as { levelVersion?: number }).levelVersion ?? 0,
      title: state.title,
      phase: (state.phase || 'build') as Phase,
      speed: state.speed,
      step: state.step,
      endStep: state.endStep,
      ...(state.endedAtStep !== undefined && state.endedAtStep >= 0 ? { endedAtStep: state.endedAtStep } : {}),
      simS: state.simS,
      durationS: state.durationS,
      buildEndsAtMs: state.buildEndsAtMs ?? 0,
      account: state.defaultVpcDeletedIn?.length ? this.account.of(state.defaultVpcDeletedIn) : FRESH_ACCOUNT,
      me,
      players,
      classroom: this.classroomOf(state),
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
