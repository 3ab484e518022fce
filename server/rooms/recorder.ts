// What a room writes down, and reads back after a restart: its match's checkpoints (every CHECKPOINT_EVERY_MS
// while it runs, and on the way out of a shutdown), a competition's status and players, and, once the match
// has finished, its results and replays. Writes never stop the game: a failed one is logged and play goes on.
import { restoreMatch, snapshotMatch } from '../../shared/match/checkpoint.ts';
import type { Actor, Match } from '../../shared/match/match.ts';
import { recordFinishedMatch } from '../competitions/records.ts';
import type { ChartPoint } from '../../shared/match/board-view.ts';
import type { ChartMemory } from '../wire/project.ts';
import { CHECKPOINT_EVERY_MS } from '../match-store.ts';
import { setCompetitionStatus } from '../persistence/queries/competitions.ts';
import { getTeam, seatPlayer } from '../persistence/queries/teams.ts';
import type { Services } from '../services.ts';
import type { SeatExtras, SeatPolicy } from './seats.ts';
import { storedSettings, type ClassroomSettings } from './classroom-controls.ts';

/** A checkpoint as stored: the match (with its seats' actors), the seats' credential hashes, its competition. */
interface StoredMatch {
  match: unknown;
  /** SHA-256 of each seat's credential, in the order of the snapshot's seats: the secrets themselves are never stored. */
  seatKeys?: string[];
  competitionId?: string;
  /** Each team's charts so far (server/wire/project.ts), so a restored match's charts and records go on. */
  charts?: Record<string, ChartMemory>;
  /** Per seat, in the same order: whether the teacher removed it, and its competition record (classroom-controls.ts). */
  seatExtras?: SeatExtras[];
  /** The room's lock and build-time deadline, which a restart must not lose. */
  classroom?: ClassroomSettings;
}

export type LoadedMatch =
  | { ok: true; match: Match; seats: { actors: Actor[]; keys: string[]; extras: SeatExtras[] }; competitionId: string | undefined; charts: unknown; classroom: ClassroomSettings }
  | { ok: false; message: string };

export class MatchRecorder {
  private services: Services;
  private roomId: string;
  private competitionId: string | undefined;
  private lastCheckpointMs = Date.now();
  private checkpointedAt = -1;

  constructor(services: Services, roomId: string, competitionId: string | undefined) {
    this.services = services;
    this.roomId = roomId;
    this.competitionId = competitionId;
  }

  /** A checkpointed match, to restore under its old code. */
  static async load(services: Services, code: string): Promise<LoadedMatch> {
    const stored = (await services.store?.load(code)) as StoredMatch | undefined;
    const restored = restoreMatch(stored?.match);
    if (!restored.ok) return restored;
    const keys = Array.isArray(stored?.seatKeys) ? stored.seatKeys.map((k) => (typeof k === 'string' ? k : '')) : [];
    const competitionId = typeof stored?.competitionId === 'string' ? stored.competitionId : undefined;
    const extras = Array.isArray(stored?.seatExtras) ? stored.seatExtras : [];
    return { ok: true, match: restored.match, seats: { actors: restored.seats, keys, extras }, competitionId, charts: stored?.charts, classroom: storedSettings(stored?.classroom) };
  }

  /** A checkpoint if one is due (the match moved since the last, and is not over). */
  checkpointIfDue(match: Match, seats: SeatPolicy, charts: () => Record<string, ChartMemory>, nowMs: number, classroom: ClassroomSettings): void {
    if (nowMs - this.lastCheckpointMs < CHECKPOINT_EVERY_MS || match.clock.phase === 'results') return;
    if (position(match) === this.checkpointedAt) return;
    this.lastCheckpointMs = nowMs;
    void this.checkpoint(match, seats, charts(), classroom);
  }

  /** Stores the match as it is now; its log length orders checkpoints, so a late write never rolls back. */
  async checkpoint(match: Match, seatPolicy: SeatPolicy, charts: Record<string, ChartMemory>, classroom: ClassroomSettings): Promise<void> {
    const seats = seatPolicy.all();
    const at = position(match);
    this.checkpointedAt = at;
    try {
      const stored: StoredMatch = {
        match: snapshotMatch(match, seats.map((s) => s.actor)),
        seatKeys: seats.map((s) => s.key),
        ...(this.competitionId ? { competitionId: this.competitionId } : {}),
        charts,
        seatExtras: seatPolicy.extras(),
        classroom: { ...classroom },
      };
      await this.services.store?.save(this.roomId, stored, at);
    } catch (error) {
      console.error(`room ${this.roomId}: checkpoint failed: ${(error as Error).message}`);
    }
  }

  /** The room is going away for good (finished or abandoned): nothing to restore. */
  async discard(): Promise<void> {
    await this.services.store?.remove(this.roomId).catch(() => undefined);
  }

  /**
   * The match reached its results: store results, replays and the log. Once (the room sees to that).
   * `history` is each team's every chart point (the projection keeps them all; the wire only the last ones):
   * the availability per minute is the shared rule's, over the whole match.
   */
  async finish(match: Match, history: ReadonlyMap<string, readonly ChartPoint[]>): Promise<void> {
    const series = new Map(match.teams.map((team) => [team.id, history.get(team.id) ?? []]));
    try {
      const db = await this.services.store?.ready;
      if (db) await recordFinishedMatch(db, this.competitionId ?? this.roomId, this.competitionId, match, series);
      await this.services.store?.remove(this.roomId);
    } catch (error) {
      console.error(`room ${this.roomId}: results could not be stored: ${(error as Error).message}`);
    }
  }

  /** A competition keeps its players (nicknames only) with their teams. */
  async recordPlayer(match: Match, nickname: string, team: string, sessionId: string): Promise<void> {
    const db = await this.services.store?.ready;
    const index = match.teams.findIndex((t) => t.id === team);
    if (!db || !this.competitionId || index < 0) return;
    const row = await getTeam(db, this.competitionId, index);
    if (row) await seatPlayer(db, row.id, nickname, sessionId).catch(() => undefined);
  }

  /** Keeps the competition's status in step with the clock, for the teacher's list. */
  async competitionStatus(phase: string): Promise<void> {
    const db = await this.services.store?.ready;
    if (!db || !this.competitionId) return;
    const status = phase === 'running' ? 'running' : phase === 'paused' ? 'paused' : undefined;
    if (status) await setCompetitionStatus(db, this.competitionId, status).catch(() => undefined);
  }
}

/** Where a match is in its life: later log entries, then later steps, come after. */
function position(match: Match): number {
  return match.trail.length * 1_000_000 + match.clock.step;
}
