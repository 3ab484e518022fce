// Proof that the client only draws: for a recorded match, every figure on the Cost Explorer, CloudWatch and
// results panels is the shared rules' figure for the same step — in the live match (the room's projection,
// encoded and decoded as Colyseus sends it, read by the client's snapshot) and in its replay (the seekable
// cursor and the replay viewer's snapshots) both. The panels are rendered to Preact's virtual DOM and read
// back: what they would put on the screen, element by element. The board's flags (public subnets, entry
// points), dark zones and alarm states are checked on the same snapshots.
import { STEP_SECONDS } from '../../shared/sim/constants.ts';
import { Decoder, Encoder, type StateView } from '@colyseus/schema';
import type { VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { SnapshotReader, type MatchSnapshot, type StateJson } from '../../client/net/snapshot.ts';
import { setLanguage, formatClock, formatNumber, formatUsd, t } from '../../client/i18n/index.ts';
import { CloudWatch } from '../../client/ui/consoles/cloudwatch.ts';
import { CostExplorer } from '../../client/ui/consoles/cost.ts';
import { objectiveFigure, Results } from '../../client/ui/results.ts';
import type { MatchViewState } from '../../client/view/match-view.ts';
import type { PlayerActions } from '../../client/view/player-actions.ts';
import { ReplaySnapshots } from '../../client/view/replay-snapshot.ts';
import { catalogue } from '../../shared/catalogue/index.ts';
import { refOf } from '../../shared/design/edits.ts';
import { darkView, pieceFlags } from '../../shared/match/board-flags.ts';
import { chartPoint, FIRST_MINUTE, minuteMark, pieceStatuses, standingView, type ChartPoint, type MinuteMark, type StandingView } from '../../shared/match/board-view.ts';
import { costView, type CostView } from '../../shared/match/cost-view.ts';
import { debriefOf, worseMinute, type Debrief, type WorstMinute } from '../../shared/match/debrief.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import { createMatch } from '../../shared/match/create.ts';
import { simSeconds, type Actor, type Match, type MatchSetup } from '../../shared/match/match.ts';
import { openReplay } from '../../shared/match/replay-cursor.ts';
import { runTick, type Queued } from '../../shared/match/tick.ts';
import { MatchState } from '../../server/wire/match-state.ts';
import { newMemo, projectMatch } from '../../server/wire/project.ts';
import { viewFor } from '../../server/wire/views.ts';
import { exampleDesign, exampleScenario, host, user } from '../support/match-fixtures.ts';

const STACK = exampleDesign('alb-asg-multi-az').stacks[0]!.name;
const ASG = exampleDesign('alb-asg-multi-az').resources.find((r) => r.kind === 'autoScalingGroup')!.logicalId;
const TEAMS = ['red', 'blue'];

/** What the shared rules say a team's panels show at one step, computed straight from its world. */
interface Expected {
  step: number;
  team: string;
  cost: CostView;
  standing: StandingView;
  series: ChartPoint[];
  debrief: Debrief;
  darkZones: string[];
  /** Each alarm's state, by ref: the CloudWatch alarm table's state column. */
  alarms: Record<string, string>;
  /** The board's flags, by ref: public subnets and where users enter. */
  flags: Record<string, { publicSubnet: boolean; entry: boolean }>;
}

type Tick = { queue: [Actor, MatchIntent][]; steps: number };

const TICKS: Tick[] = [
  { queue: [[host(null), { type: 'iam', request: { op: 'createUser', name: 'ana' } }], [host(null), { type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: 'ana' }, policy: { kind: 'managed', name: 'PowerUserAccess' } } }]], steps: 0 },
  { queue: [[user('ana', 'red'), { type: 'createResource', stack: STACK, kind: 'bucket', logicalId: 'Site', props: { websiteHosting: true } }], [host(null), { type: 'clock', command: 'start' }]], steps: 60 },
  { queue: [[user('ana', 'blue'), { type: 'setDesiredCapacity', target: `${STACK}/${ASG}`, desired: 6 }], [user('ana', 'red'), { type: 'delete', target: `${STACK}/Nope` }]], steps: 90 },
  { queue: [[host(null), { type: 'inject', event: { type: 'az-outage', atS: 0, durationS: 900, params: { zone: 'us-east-1b' } }, teams: ['blue'] }]], steps: 120 },
  { queue: [[host(null), { type: 'inject', event: { type: 'price-change', atS: 0, durationS: 1200, params: { service: 'compute', multiplier: 3 } }, teams: ['red'] }]], steps: 120 },
  // Ended early at step 390: the rest (30 steps of the shortened scenario) is played out as built.
  { queue: [[host(null), { type: 'clock', command: 'end' }]], steps: 30 },
];

/** The client's view of the wire: the room's patches, encoded and decoded as Colyseus does, for the host. */
class WireReader {
  private readonly encoder: Encoder;
  private readonly decoder = new Decoder(new MatchState());
  private readonly state: MatchState;
  private view: StateView | undefined;
  private readonly reader = new SnapshotReader();

  constructor(state: MatchState) {
    this.state = state;
    this.encoder = new Encoder(state);
  }

  read(): MatchSnapshot {
    const it = { offset: 0 };
    if (!this.view) {
      // The host's view, made once the boards exist (as a room makes it when the host joins).
      this.view = viewFor(this.state, { host: true, team: null });
      this.encoder.encodeAll(it);
      const bytes = this.encoder.encodeAllView(this.view, it.offset, it);
      this.decoder.decode(bytes);
    } else {
      this.encoder.encode(it);
      const bytes = this.encoder.encodeView(this.view, it.offset, it);
      this.decoder.decode(bytes);
    }
    this.encoder.discardChanges();
    return this.reader.read(this.decoder.state.toJSON() as StateJson, '');
  }
}

/** Plays the match as the room does (each tick's queue, then a step at a time, projecting after each). */
function play(setup: MatchSetup): { match: Match; live: Map<string, MatchSnapshot>; expected: Expected[] } {
  const match = createMatch(setup);
  const cursor = new Map<string, number>();
  const state = new MatchState();
  const memo = newMemo();
  const wire = new WireReader(state);
  const live = new Map<string, MatchSnapshot>();
  const expected: Expected[] = [];
  // The test's own fold of the shared chart rules: a point a simulated minute, the worst minute so far.
  const marks = new Map<string, MinuteMark>();
  const series = new Map<string, ChartPoint[]>();
  const worst = new Map<string, WorstMinute | undefined>();
  let seq = 0;
  const observe = (sample: boolean): void => {
    projectMatch(state, match, [], memo, true);
    const snapshot = wire.read();
    for (const team of match.teams) {
      const world = team.world;
      const nowS = simSeconds(match);
      const mark = marks.get(team.id) ?? FIRST_MINUTE;
      if (nowS - mark.at >= 60) {
        const point = chartPoint(world, mark, nowS);
        series.set(team.id, [...(series.get(team.id) ?? []), point]);
        worst.set(team.id, worseMinute(worst.get(team.id), point));
        marks.set(team.id, minuteMark(world, nowS));
      }
      if (!sample) continue;
      expected.push({
        step: match.clock.step,
        team: team.id,
        cost: costView(world),
        standing: standingView(team),
        series: series.get(team.id) ?? [],
        debrief: debriefOf(team.id, world.timeline, match.trail, worst.get(team.id)),
        darkZones: darkView(world).zones,
        flags: Object.fromEntries(pieceFlags(world.design, world.topo).map((f, id) => [refOf(world.design, world.design.resources[id]!), f])),
        alarms: Object.fromEntries(pieceStatuses(world).flatMap((s, id) => (s.alarm ? [[refOf(world.design, world.design.resources[id]!), s.alarm]] : []))),
      });
    }
    if (sample) live.set(String(match.clock.step), snapshot);
  };
  for (const tick of TICKS) {
    const queue: Queued[] = tick.queue.map(([actor, intent]) => ({ seq: seq++, actor, intent, wallMs: 1_000 + seq }));
    runTick(match, queue, Math.min(1, tick.steps), 0, cursor);
    observe(false);
    for (let i = 1; i < tick.steps; i++) {
      runTick(match, [], 1, 0, cursor);
      // Steps with no input logged at them read the same in the live match and in the replay (the replay at a
      // step has applied that step's inputs, which the live match applies in its next tick).
      observe(i % 37 === 0 || i === tick.steps - 2);
    }
  }
  return { match, live, expected };
}

// Reading rendered panels back: function components are expanded, except those that keep state (hooks) —
// the charts, whose figures are their props, and the alarm table.
// Components with hooks of their own (they ask the room for CloudTrail pages, or hold a draft): not expanded here;
// Choice (the shown pane of Cost Explorer's group-by) is kept, and its panes, its children, are read.
const KEEP = new Set(['Chart', 'AlarmsList', 'Dashboards', 'LogGroups', 'Choice']);

function expand(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(expand);
  if (!node || typeof node !== 'object' || !('type' in node)) return node;
  const v = node as VNode<Record<string, unknown>>;
  if (typeof v.type === 'function' && !KEEP.has(v.type.name)) return expand((v.type as (p: unknown) => unknown)(v.props));
  return { ...v, props: { ...v.props, children: expand(v.props.children) } };
}

function all(node: unknown, match: (v: VNode<Record<string, unknown>>) => boolean, out: VNode<Record<string, unknown>>[] = []): VNode<Record<string, unknown>>[] {
  if (Array.isArray(node)) for (const n of node) all(n, match, out);
  else if (node && typeof node === 'object' && 'props' in node) {
    const v = node as VNode<Record<string, unknown>>;
    if (match(v)) out.push(v);
    all(v.props.children, match, out);
  }
  return out;
}

function text(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(text).join('');
  return text((node as VNode<Record<string, unknown>>).props.children);
}

const byId = (tree: unknown, id: string) => {
  const found = all(tree, (v) => v.props.id === id);
  expect(found, `#${id}`).toHaveLength(1);
  return found[0]!;
};
/**
 * A chart's plotted values. Colyseus sends a number as a float32 whenever that loses less than 1e-4 (its own
 * rule), so a plotted value may differ from the rules' figure by that much (the text figures, rounded for
 * display, do not differ at all); integers and the replay's values are exact.
 */
const chartSeries = (tree: unknown, id: string) =>
  (byId(tree, id).props.series as { values: (number | null)[] }[]).map((s) => s.values.map((v) => (v === null ? v : Math.round(v * 1e4) / 1e4)));
const plotted = (values: number[]) => values.map((v) => Math.round(v * 1e4) / 1e4);

/** A match snapshot seen from one team's board, as the client's view state. */
function stateFor(snapshot: MatchSnapshot, team: string): MatchViewState {
  const board = snapshot.boards.find((b) => b.team === team)!;
  expect(board, `board of ${team}`).toBeDefined();
  return { match: { ...snapshot, board }, fieldErrors: {} } as unknown as MatchViewState;
}

const NO_ACTIONS = { trail: () => Promise.resolve([]) } as unknown as PlayerActions;

/** Every figure of the three panels, read from what they render, against the shared rules' figures. */
function checkPanels(view: MatchViewState, e: Expected, where: string): void {
  const at = `${where}, ${e.team} at step ${e.step}`;
  // Cost Explorer.
  const cost = expand(CostExplorer({ state: view, actions: NO_ACTIONS }));
  expect(text(byId(cost, 'cost-spent')), at).toBe(formatUsd(e.cost.spentUsd));
  expect(text(byId(cost, 'cost-budget')), at).toBe(formatUsd(e.cost.budgetUsd));
  expect(text(byId(cost, 'cost-run-rate')), at).toBe(`${formatUsd(e.cost.hourlyUsd, 3)}/${t('units.h')}`);
  const over = e.cost.forecastOverBudget;
  expect(text(byId(cost, 'cost-forecast')), at).toBe(
    e.cost.forecastUsd === null ? t('cost.noForecast', { minutes: catalogue.budgets.minForecastS.value / 60 }) : `${over ? '⚠ ' : ''}${formatUsd(e.cost.forecastUsd)}`,
  );
  for (const [id, lines, name] of [
    ['cost-by-service', e.cost.byService, (n: string) => t(`cost.services.${n}`)],
    ['cost-by-region', e.cost.byRegion, (n: string) => (n === 'global' ? t('cost.global') : n)],
  ] as const) {
    const bars = all(byId(cost, id), (v) => v.type === 'li').map((li) => [li.props['data-name'], text(li)]);
    expect(bars, `${at}: ${id}`).toEqual(lines.map((l) => [l.name, `${name(l.name)}${formatUsd(l.spentUsd)} · ${formatUsd(l.hourlyUsd, 3)}/${t('units.h')}`]));
  }
  expect(chartSeries(cost, 'chart-spend')[0], at).toEqual(plotted(e.series.map((p) => p.costUsd)));
  // Budgets, the three-month forecast, the Savings Plan and the recommendations: shared's own, through the wire.
  const { budgets, forecastMonths, savingsPlan, recommendations } = view.match.board.cost;
  expect({ budgets, forecastMonths, savingsPlan, recommendations }, at).toEqual({
    budgets: e.cost.budgets,
    forecastMonths: e.cost.forecastMonths,
    savingsPlan: e.cost.savingsPlan,
    recommendations: e.cost.recommendations,
  });
  if (e.cost.recommendations.length > 0) {
    const recs = all(byId(cost, 'cost-recommendations'), (v) => v.type === 'li').map((li) => li.props['data-term']);
    expect(recs, at).toEqual(e.cost.recommendations.map((r) => r.term));
  }

  // CloudWatch.
  const cw = expand(CloudWatch({ state: view, actions: NO_ACTIONS, objectiveMs: 200 }));
  expect(chartSeries(cw, 'chart-requests'), at).toEqual([plotted(e.series.map((p) => p.requests)), plotted(e.series.map((p) => p.errors))]);
  expect(chartSeries(cw, 'chart-latency')[0], at).toEqual(plotted(e.series.map((p) => p.p95Ms)));
  expect(chartSeries(cw, 'chart-utilisation'), at).toEqual([e.series.map((p) => Math.round(p.computeLoad * 100)), e.series.map((p) => Math.round(p.databaseLoad * 100))]);
  expect(chartSeries(cw, 'chart-hosts')[0], at).toEqual(e.series.map((p) => p.healthyHosts));
  expect(chartSeries(cw, 'chart-cache')[0], at).toEqual(e.series.map((p) => Math.round(p.cacheHitRatio * 100)));
  expect(chartSeries(cw, 'chart-cost')[0], at).toEqual(plotted(e.series.map((p) => p.costUsd)));

  // Results: the score, its parts and objectives as the scoring computed them, and the debrief.
  const results = expand(Results({ state: view, scenario: undefined, title: 'x', onLeave: () => undefined, onReplay: null }));
  const s = e.standing;
  expect(text(byId(results, 'results-score')), at).toBe(formatNumber(s.score));
  expect(text(byId(results, 'part-availability')), at).toBe(`${t('results.availability', { pct: formatNumber(s.availability * 100, 3), nines: formatNumber(Math.min(s.nines, 5), 1) })}${formatNumber(s.parts.availability)} / 500`);
  expect(text(byId(results, 'part-latency')), at).toBe(`${t('results.latency', { ms: formatNumber(s.p95Ms) })}${formatNumber(s.parts.latency)} / 250`);
  expect(text(byId(results, 'part-cost')), at).toBe(`${t('results.cost', { cost: formatUsd(s.costUsd), budget: formatUsd(s.budgetUsd, 0) })}${formatNumber(s.parts.cost)} / 250`);
  const objectives = s.objectives.length ? all(byId(results, 'results-objectives'), (v) => v.type === 'li').map(text) : [];
  expect(objectives, at).toEqual(
    s.objectives.map((o) => `${o.met ? '✓' : '✗'} ${t(o.primary ? 'results.objectivePrimary' : 'results.objective', { metric: t(`results.metrics.${o.metric}`), value: objectiveFigure(o.metric, o.value), target: objectiveFigure(o.metric, o.target) })}`),
  );
  const debrief = text(byId(results, 'debrief'));
  const d = e.debrief;
  if (d.firstFailure) expect(debrief, at).toContain(t('results.firstFailure', { time: formatClock(d.firstFailure.tS), what: '' }).split(':')[0]!);
  else expect(debrief, at).toContain(t('results.noFailure'));
  if (d.firstFailure) expect(debrief, at).toContain(formatClock(d.firstFailure.tS));
  if (d.worstMinute) expect(debrief, at).toContain(t('results.worstMinute', { time: formatClock(d.worstMinute.tS), pct: formatNumber(d.worstMinute.errorPct, 1), ms: formatNumber(d.worstMinute.p95Ms) }));
  expect(debrief, at).toContain(t('results.activity', { scaling: d.scaling, refused: d.refused }));
  // The alarm table's states, and the board's dark zones, which the board draws.
  expect(Object.fromEntries(view.match.board.resources.filter((r) => r.kind === 'alarm').map((r) => [r.ref, r.alarmState])), at).toEqual(e.alarms);
  expect(view.match.board.darkZones, at).toEqual(e.darkZones);
  expect(Object.fromEntries(view.match.board.resources.map((r) => [r.ref, { publicSubnet: r.publicSubnet, entry: r.entry }])), at).toEqual(e.flags);
}

describe('every figure on Cost Explorer, CloudWatch and the results is the shared rules’ figure for the same step', () => {
  const setup: MatchSetup = { mode: 'team', scenario: { ...exampleScenario('az-outage'), durationS: 420 * STEP_SECONDS }, seed: 7, design: exampleDesign('alb-asg-multi-az'), teams: TEAMS.map((id) => ({ id, name: id })) };
  const { match, live, expected } = play(setup);

  it('samples a match with spend, an outage, a price change, a refusal and a forecast', () => {
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.some((e) => e.cost.forecastUsd !== null)).toBe(true);
    expect(expected.some((e) => e.cost.forecastUsd === null)).toBe(true);
    expect(expected.some((e) => e.debrief.firstFailure)).toBe(true);
    expect(expected.some((e) => e.darkZones.length > 0)).toBe(true);
    expect(expected.every((e) => Object.values(e.flags).some((f) => f.entry) && Object.values(e.flags).some((f) => f.publicSubnet))).toBe(true);
    expect(expected.some((e) => Object.values(e.alarms).includes('ALARM')) && expected.some((e) => Object.values(e.alarms).includes('OK'))).toBe(true);
    expect(expected.some((e) => e.debrief.refused > 0)).toBe(true);
    expect(expected.some((e) => e.cost.byService.length > 2 && e.cost.byRegion.length > 0)).toBe(true);
    expect(match.clock.phase).toBe('results');
  });

  for (const language of ['en', 'ko'] as const) {
    it(`in the live match, through the wire (${language})`, () => {
      setLanguage(language);
      for (const e of expected) checkPanels(stateFor(live.get(String(e.step))!, e.team), e, 'live');
      setLanguage('en');
    });
  }

  it('in the replay of it, at the same steps', () => {
    const cursor = openReplay(setup, match.trail.filter((e) => e.userIdentity), match.clock.step, { keyframeEvery: 50 });
    const snapshots = new ReplaySnapshots(cursor, 'code');
    // Out of order on purpose: a seek back starts again from a keyframe, and must show the same.
    const steps = [...new Set(expected.map((e) => e.step))];
    for (const step of [...steps.slice().reverse(), ...steps]) {
      expect(cursor.seek(step)).toBe(step);
      for (const e of expected.filter((x) => x.step === step)) checkPanels(stateFor(snapshots.snapshot(TEAMS.indexOf(e.team)), e.team), e, 'replay');
    }
  });
});
