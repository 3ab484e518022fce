// A replayed match as the plain snapshot the board and the consoles read (client/net/snapshot.ts): the same
// pieces, statuses and chart points the room's projection sent during the match (shared/match/board-view.ts),
// read from the replay's match at its current step instead of from the wire. No Phaser, no DOM.
import { INBOX_ITEMS, isDelivery } from '../../shared/sns/inbox.ts';
import { topicViews } from '../../shared/sim/topic-subscriptions.ts';
import { teamLeastPrivilege } from '../../shared/match/team-standing.ts';
import { darkView, pieceFlags } from '../../shared/match/board-flags.ts';
import { boardLines, boardPieces, pieceStatuses, standingView } from '../../shared/match/board-view.ts';
import { costView } from '../../shared/match/cost-view.ts';
import { snapshotViews } from '../../shared/match/snapshot-view.ts';
import { debriefOf, worstMinuteOf } from '../../shared/match/debrief.ts';
import type { TimelineEntry } from '../../shared/sim/world.ts';
import type { Design } from '../../shared/design/model.ts';
import { simSeconds } from '../../shared/match/match.ts';
import type { ReplayCursor } from '../../shared/match/replay-cursor.ts';
import { warningSentence } from '../../shared/sim/timeline-text.ts';
import type { World } from '../../shared/sim/world.ts';
import type { BoardResource, MatchSnapshot, TeamBoard, TeamSummary, TimelineItem } from '../net/snapshot.ts';
import { scenarioAccount } from '../../shared/scenario/start.ts';
import { teamRanks } from '../../shared/match/team-rank.ts';

/** World events kept on a board, as on the wire. */
const TIMELINE_ITEMS = 40;

const timelineItem = (e: TimelineEntry): TimelineItem => ({ tS: e.tS, kind: e.kind, code: e.code, values: e.values });

/** Builds snapshots of one replay; remembers each design's pieces so that a still design costs nothing. */
export class ReplaySnapshots {
  private readonly designs = new WeakMap<Design, { key: string; pieces: ReturnType<typeof boardPieces>; lines: ReturnType<typeof boardLines>; flags: ReturnType<typeof pieceFlags> }>();
  /** A revision per distinct design (by content): the layout is redone only when the design changes. */
  private readonly revisions = new Map<string, number>();
  private readonly cursor: ReplayCursor;
  private readonly code: string;

  constructor(cursor: ReplayCursor, code: string) {
    this.cursor = cursor;
    this.code = code;
  }

  private design(world: World) {
    const design = world.design;
    let known = this.designs.get(design);
    if (!known) {
      known = { key: JSON.stringify(design), pieces: boardPieces(design), lines: boardLines(design), flags: pieceFlags(design, world.topo) };
      this.designs.set(design, known);
    }
    let revision = this.revisions.get(known.key);
    if (revision === undefined) {
      revision = this.revisions.size + 1;
      this.revisions.set(known.key, revision);
    }
    return { ...known, revision };
  }

  /** The match at the cursor's step, seen from `teamIndex`'s board. */
  snapshot(teamIndex: number): MatchSnapshot {
    const match = this.cursor.match;
    const team = match.teams[teamIndex] ?? match.teams[0]!;
    const world = team.world;
    const design = this.design(world);
    const statuses = pieceStatuses(world);
    const resources: BoardResource[] = design.pieces.map((p, id) => {
      const s = statuses[id]!;
      return { ...p, zone: s.zone ?? '', health: s.health, load: s.load, rps: s.rps, count: s.count, alarmState: s.alarm ?? '', ...(s.group ? { group: s.group } : {}), ...design.flags[id]! };
    });
    const series = this.cursor.series(teamIndex);
    const dark = darkView(world);
    const { firstFailure, cause, budgetAlert, ...debrief } = debriefOf(team.id, world.timeline, match.trail, worstMinuteOf(series));
    const board: TeamBoard = {
      team: team.id,
      revision: design.revision,
      stacks: world.design.stacks.map((s) => ({ name: s.name, region: s.region, account: s.account === true, retained: s.retained === true })),
      snapshots: snapshotViews(world.design),
      resources,
      links: design.lines,
      series,
      // The dashboards' metrics, recorded on the replay's chart points under the keys the room had.
      metricKeys: [...this.cursor.metricKeys(teamIndex)],
      timeline: world.timeline.slice(-TIMELINE_ITEMS).map(timelineItem),
      inbox: world.timeline.filter((e) => isDelivery(e.code)).slice(-INBOX_ITEMS).map(timelineItem),
      topics: topicViews(world),
      warnings: world.topo.warnings.slice(0, 20).map(warningSentence),
      hints: [],
      cost: costView(world),
      debrief: {
        ...debrief,
        ...(firstFailure ? { firstFailure: timelineItem(firstFailure) } : {}),
        ...(cause ? { cause: timelineItem(cause) } : {}),
        ...(budgetAlert ? { budgetAlert: timelineItem(budgetAlert) } : {}),
      },
      darkZones: dark.zones,
      darkRegions: dark.regions,
    };
    const standings = match.teams.map((t) => ({ id: t.id, name: t.name, members: 0, ...standingView(t, teamLeastPrivilege(match, t)) }));
    const ranks = teamRanks(standings);
    const teams: TeamSummary[] = standings.map((t) => ({ ...t, rank: ranks.get(t.id) ?? 0 }));
    return {
      code: this.code,
      mode: match.mode,
      scenarioId: match.scenario.id,
      levelCode: match.scenario.level?.code ?? '',
      levelVersion: match.scenario.level?.version ?? 0,
      title: match.scenario.title,
      phase: match.clock.phase,
      speed: match.clock.speed,
      step: match.clock.step,
      endStep: match.clock.endStep,
      ...(match.clock.endedAtStep !== undefined ? { endedAtStep: match.clock.endedAtStep } : {}),
      simS: simSeconds(match),
      durationS: match.scenario.durationS,
      buildEndsAtMs: 0,
      account: scenarioAccount(match.scenario),
      me: undefined,
      players: [],
      teams,
      board,
      boards: [board],
      directory: null,
    };
  }
}
