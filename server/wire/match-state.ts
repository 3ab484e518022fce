// The wire state: what Colyseus patches to clients. A projection of the match, written here and only here
// (see project.ts); no rule lives in these classes. A team's board is view-filtered: its members and the host
// see it, everyone else sees only the team's line on the leaderboard.
import { Encoder, schema, t, type SchemaType } from '@colyseus/schema';

// A teacher's view of a 30-team classroom holds every board: far above the encoder's default buffer (which
// it would otherwise grow with a warning on every such encode).
Encoder.BUFFER_SIZE = 512 * 1024;

export const WireResource = schema(
  {
    ref: t.string(),
    kind: t.string(),
    stack: t.string(),
    logicalId: t.string(),
    region: t.string(),
    /** The zone it runs in, when it has one (an instance's subnet, a database's primary). */
    zone: t.string(),
    x: t.number(),
    y: t.number(),
    /** The resource's properties as JSON, references as "stack/LogicalId": changes only when the design does. */
    props: t.string(),
    /** The piece it is drawn as (shared/match/board-parts.ts): its own ref, its owner's, or '' (boxes, loose parts). */
    piece: t.string(),
    /** The CloudFormation type when not the kind's usual one (a Classic ELB), else '': the inspector offers by it. */
    awsType: t.string(),
    /** ok, warning, down, booting or idle: shown with a shape and a word, never by colour alone. */
    health: t.string(),
    /** Utilisation 0–1 (instances, groups, databases), rounded to a percent. */
    load: t.number(),
    /** Requests per second through it, rounded. */
    rps: t.number(),
    /** Running instances of a group, or 1/0 for one instance. */
    count: t.number(),
    /** A public subnet (routes 0.0.0.0/0 to an attached internet gateway), by the rules (board-flags.ts). */
    publicSubnet: t.boolean(),
    /** Where users' requests enter the design, as the simulation compiled it. */
    entry: t.boolean(),
    /** An alarm's state: OK, ALARM or INSUFFICIENT_DATA (empty for other kinds). */
    alarmState: t.string(),
    /** An Auto Scaling group's capacity and instances now (shared/sim/group-figures.ts) as JSON; '' for other kinds. */
    group: t.string(),
  },
  'WireResource',
);
export type WireResource = SchemaType<typeof WireResource>;

export const WireLink = schema({ from: t.string(), to: t.string(), meaning: t.string() }, 'WireLink');
export type WireLink = SchemaType<typeof WireLink>;

export const SeriesPoint = schema(
  {
    tS: t.number(),
    requests: t.number(),
    errors: t.number(),
    p95Ms: t.number(),
    costUsd: t.number(),
    healthyHosts: t.number(),
    cacheHitRatio: t.number(),
    computeLoad: t.number(),
    databaseLoad: t.number(),
    /**
     * The dashboards' metrics at the minute, in the order of the board's `metricKeys` then
     * (shared/match/dashboard-metrics.ts), comma-separated: a list nested in a new list item does not reach a
     * client through its state view (Colyseus sends the item, not the nested list), a string does.
     */
    metrics: t.string(),
  },
  'SeriesPoint',
);
export type SeriesPoint = SchemaType<typeof SeriesPoint>;

/** A timeline entry as its code and values (`values` as JSON): the client says it in the player's language. */
export const TimelineItem = schema({ tS: t.number(), kind: t.string(), code: t.string(), values: t.string() }, 'TimelineItem');
export type TimelineItem = SchemaType<typeof TimelineItem>;

/** A live hint the scenario gives when its condition holds on the team's world (in both languages). */
export const HintItem = schema({ id: t.string(), en: t.string(), ko: t.string() }, 'HintItem');
export type HintItem = SchemaType<typeof HintItem>;

/** A bar of Cost Explorer: a service or a region, spend so far and the run rate (shared/match/cost-view.ts). */
export const CostLine = schema({ name: t.string(), spentUsd: t.number(), hourlyUsd: t.number() }, 'CostLine');
export type CostLine = SchemaType<typeof CostLine>;

export const CostState = schema(
  {
    spentUsd: t.number(),
    budgetUsd: t.number(),
    hourlyUsd: t.number(),
    /** The one forecast (shared/sim/money.ts); meaningful only when `forecastReady`. */
    forecastUsd: t.number(),
    forecastReady: t.boolean(),
    forecastOverBudget: t.boolean(),
    byService: t.array(CostLine),
    byRegion: t.array(CostLine),
    /** Budgets, the three-month forecast, the Savings Plan and its recommendations (cost-view.ts), as JSON. */
    explorerJson: t.string(),
  },
  'CostState',
);
export type CostState = SchemaType<typeof CostState>;

export const WorstMinute = schema({ tS: t.number(), errorPct: t.number(), p95Ms: t.number() }, 'WorstMinute');

/** The debrief (shared/match/debrief.ts): each entry absent when there is none. */
export const DebriefState = schema(
  {
    firstFailure: TimelineItem,
    cause: TimelineItem,
    budgetAlert: TimelineItem,
    worstMinute: WorstMinute,
    scaling: t.number(),
    refused: t.number(),
  },
  'DebriefState',
);
export type DebriefState = SchemaType<typeof DebriefState>;

/** A stack of the board; `account`: the account's own (a region's default VPC, shared/account), drawn quietly. */
export const WireStack = schema({ name: t.string(), region: t.string(), account: t.boolean(), retained: t.boolean() }, 'WireStack');

/** A DB snapshot the account keeps (shared/match/snapshot-view.ts), its monthly cost as the bill prices it. */
export const WireDbSnapshot = schema(
  { ref: t.string(), identifier: t.string(), region: t.string(), engine: t.string(), storageGb: t.number(), source: t.string(), monthUsd: t.number() },
  'WireDbSnapshot',
);

export const TeamBoard = schema(
  {
    team: t.string(),
    revision: t.number(),
    stacks: t.array(WireStack),
    /** The DB snapshots the account keeps, in the order they were taken. */
    snapshots: t.array(WireDbSnapshot),
    resources: t.map(WireResource),
    links: t.map(WireLink),
    /** One point per simulated minute, the most recent SERIES_POINTS only. */
    series: t.array(SeriesPoint),
    /** The metrics the team's dashboards watch, "namespace|metric|stack/LogicalId": only grows during a match. */
    metricKeys: t.array('string'),
    /** The most recent world events (alarms, scaling, failures), newest last. */
    timeline: t.array(TimelineItem),
    /** SNS deliveries (alarm notifications, budget alerts) with their subscribers, newest last (shared/sns/inbox.ts). */
    inbox: t.array(TimelineItem),
    /** The board's SNS topics and their subscriptions (shared/sim/topic-subscriptions.ts topicViews), as JSON. */
    topicsJson: t.string(),
    warnings: t.array('string'),
    /** Hints whose conditions hold now (see shared/sim/hints.ts). */
    hints: t.array(HintItem),
    cost: CostState,
    debrief: DebriefState,
    /** Zones down (alone or with their region) and regions down, from the world's state. */
    darkZones: t.array('string'),
    darkRegions: t.array('string'),
  },
  'TeamBoard',
);
export type TeamBoard = SchemaType<typeof TeamBoard>;

export const ScoreParts = schema({ availability: t.number(), latency: t.number(), cost: t.number() }, 'ScoreParts');

export const ObjectiveItem = schema(
  { id: t.string(), primary: t.boolean(), metric: t.string(), target: t.number(), value: t.number(), met: t.boolean() },
  'ObjectiveItem',
);

export const TeamSummary = schema(
  {
    id: t.string(),
    name: t.string(),
    members: t.number(),
    score: t.number(),
    /** Its place among the match's teams by score, 1 the best, ties sharing (shared/match/team-rank.ts). */
    rank: t.number(),
    stars: t.number(),
    availability: t.number(),
    nines: t.number(),
    /** The score's parts as the scoring computed them, and its objectives (shared/score). */
    parts: ScoreParts,
    objectives: t.array(ObjectiveItem),
    p95Ms: t.number(),
    costUsd: t.number(),
    revenueUsd: t.number(),
    budgetUsd: t.number(),
  },
  'TeamSummary',
);
export type TeamSummary = SchemaType<typeof TeamSummary>;

export const PlayerState = schema(
  {
    nickname: t.string(),
    team: t.string(),
    host: t.boolean(),
    connected: t.boolean(),
    /** "root", "user/ana" or "role/Admin": who the player acts as. */
    principal: t.string(),
    /** Whether the player's requests carry aws:MultiFactorAuthPresent = true (shared/match/apply.ts actorMfa). */
    mfa: t.boolean(),
    /** The IAM console's Switch role for this player, as shared/match/switch-role.ts decides it (JSON of SwitchRoleView). */
    switchRole: t.string(),
  },
  'PlayerState',
);
export type PlayerState = SchemaType<typeof PlayerState>;

/** The IAM account, for the host's console: users, groups, roles and policies as JSON. */
export const AccountState = schema({ directory: t.string() }, 'AccountState');
export type AccountState = SchemaType<typeof AccountState>;

export const MatchState = schema(
  {
    code: t.string(),
    mode: t.string(),
    scenarioId: t.string(),
    /** A published level's code and version ('' and 0 for a campaign scenario): its summary is at /api/levels/CODE?version=N. */
    levelCode: t.string(),
    levelVersion: t.number(),
    title: t.string(),
    phase: t.string(),
    speed: t.number(),
    step: t.number(),
    endStep: t.number(),
    /** The step the host ended the match at, the rest being played out as built (clock.ts); -1: not ended early. */
    endedAtStep: t.number(),
    simS: t.number(),
    durationS: t.number(),
    /** A competition's build time: when it ends (epoch ms; 0 when there is none), for a countdown. */
    buildEndsAtMs: t.number(),
    /** Regions whose default VPC the scenario deleted (its account: shared/scenario/start.ts scenarioAccount). */
    defaultVpcDeletedIn: t.array('string'),
    players: t.map(PlayerState),
    /** Whether a classroom takes new students once the clock has started (the teacher's lock). */
    lateJoins: t.boolean(),
    /** Whether the build time running out starts the match by itself. */
    autoStart: t.boolean(),
    /** Players the teacher removed, by the id they are let back by (server/wire/project-classroom.ts). */
    removedPlayers: t.map(PlayerState),
    teams: t.map(TeamSummary),
    boards: t.map(TeamBoard).view(),
    account: t.map(AccountState).view(),
  },
  'MatchState',
);
export type MatchState = SchemaType<typeof MatchState>;

/** Chart history kept on the wire: two simulated hours at one point a minute. */
export const SERIES_POINTS = 120;
/** World events kept on the wire. */
export const TIMELINE_ITEMS = 40;
