// The replay viewer's player: which team is shown, where the replay stands, whether it plays and how fast,
// the markers on its timeline and the check of its end. Plain data over the shared cursor; it feeds the board
// and the consoles the same view-model the live match does (MatchView), read-only. No Phaser, no DOM.
import { stepsOwed, STEPS_PER_SECOND_AT_1X } from '../../shared/match/clock.ts';
import { openReplayRecord, REPLAY_FILE_ERRORS, sameMatch, type ReplayFileError, type ReplayRecord } from '../../shared/match/replay-file.ts';
import type { ReplayCursor } from '../../shared/match/replay-cursor.ts';
import { STEP_SECONDS } from '../../shared/sim/constants.ts';
import { isEventEnding, type TimelineValues } from '../../shared/sim/timeline-text.ts';
import { MatchView } from './match-view.ts';
import { ReplaySnapshots } from './replay-snapshot.ts';

/** Speeds as the live game counts them: 1× plays STEPS_PER_SECOND_AT_1X steps (20 simulated seconds) a second. */
export const REPLAY_SPEEDS = [1, 2, 4, 8, 16, 64] as const;

/** During play the board and charts are rebuilt at most this often (a scrub rebuilds them at once). */
const SNAPSHOT_EVERY_MS = 150;
/** Steps run per slice while a replay is prepared, so the page stays responsive. */
const PREPARE_SLICE_STEPS = 240;

export interface Marker {
  step: number;
  tS: number;
  kind: 'event' | 'failure';
  code: string;
  values: TimelineValues;
}

/** How the end compares with the recorded match: unknown until the end is reached. */
export type Verification = 'pending' | 'verified' | 'mismatch' | 'unfinished';

export interface ReplayPlayerState {
  /** Index into `rows`: the team shown. */
  row: number;
  step: number;
  /** The last step the replay can show (the recorded end, unless the log stops short). */
  endStep: number;
  /** The recorded end. */
  finalStep: number;
  playing: boolean;
  speed: number;
  verification: Verification;
  markers: Marker[];
}

interface Opened {
  cursor: ReplayCursor;
  snapshots: ReplaySnapshots;
  /** The step the log actually reaches. */
  reach: number;
}

type Listener = (state: ReplayPlayerState) => void;

export class ReplayPlayer {
  readonly rows: ReplayRecord[];
  readonly view: MatchView;
  private readonly opened = new Map<ReplayRecord, Opened>();
  /** Each row's verdict once its end has been seen: a fact about the replay, kept while it is scrubbed. */
  private readonly verdicts = new Map<ReplayRecord, Verification>();
  private state: ReplayPlayerState;
  private listeners = new Set<Listener>();
  private carry = 0;
  private sinceSnapshotMs = 0;

  private constructor(rows: ReplayRecord[], row: number, first: Opened) {
    this.rows = rows;
    this.opened.set(rows[row]!, first);
    first.cursor.seek(0);
    this.view = new MatchView(first.snapshots.snapshot(rows[row]!.teamIndex));
    this.state = { row, step: 0, endStep: first.reach, finalStep: first.cursor.finalStep, playing: false, speed: 8, verification: 'pending', markers: markersOf(first.cursor, rows[row]!.teamIndex) };
  }

  /**
   * Opens the rows' match and runs it once to the end (in slices, reporting progress from 0 to 1), which
   * lays the keyframes for scrubbing and finds the markers; the replay then waits at its start.
   */
  static async open(rows: ReplayRecord[], team: number | undefined, progress: (share: number) => void, code: string): Promise<{ ok: true; player: ReplayPlayer } | { ok: false; error: ReplayFileError }> {
    const row = Math.max(0, team === undefined ? 0 : rows.findIndex((r) => r.teamIndex === team));
    const first = await prepare(rows[row]!, progress, code);
    if (!first.ok) return first;
    return { ok: true, player: new ReplayPlayer(rows, row, first.opened) };
  }

  get current(): ReplayPlayerState {
    return this.state;
  }

  get row(): ReplayRecord {
    return this.rows[this.state.row]!;
  }

  private get here(): Opened {
    return this.opened.get(this.row)!;
  }

  get cursor(): ReplayCursor {
    return this.here.cursor;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  private update(change: Partial<ReplayPlayerState>): void {
    this.state = { ...this.state, ...change };
    for (const l of this.listeners) l(this.state);
  }

  /** Moves to `step` and shows it at once. */
  seek(step: number): void {
    this.here.cursor.seek(step);
    this.carry = 0;
    this.show();
  }

  play(): void {
    if (this.state.step >= this.state.endStep) this.seek(0);
    this.carry = 0;
    this.update({ playing: true });
  }

  pause(): void {
    this.update({ playing: false });
  }

  toggle(): void {
    if (this.state.playing) this.pause();
    else this.play();
  }

  setSpeed(speed: number): void {
    if ((REPLAY_SPEEDS as readonly number[]).includes(speed)) this.update({ speed });
  }

  /** Shows another team's board at the same moment (its own run when its row is not the same match). */
  async setRow(index: number, progress: (share: number) => void = () => undefined): Promise<ReplayFileError | null> {
    const row = this.rows[index];
    if (!row || index === this.state.row) return null;
    const step = this.state.step;
    if (!this.opened.has(row)) {
      const shared = [...this.opened.entries()].find(([r]) => sameMatch(r, row));
      if (shared) this.opened.set(row, shared[1]);
      else {
        const prepared = await prepare(row, progress, this.view.current.match.code);
        if (!prepared.ok) return prepared.error;
        this.opened.set(row, prepared.opened);
      }
    }
    const opened = this.opened.get(row)!;
    this.state = { ...this.state, row: index, endStep: opened.reach, finalStep: opened.cursor.finalStep, markers: markersOf(opened.cursor, row.teamIndex), verification: this.verdicts.get(row) ?? 'pending' };
    this.seek(Math.min(step, opened.reach));
    return null;
  }

  /** Advances by the real time elapsed while playing, at the chosen speed; stops at the end. */
  frame(elapsedMs: number): void {
    if (!this.state.playing) return;
    const cursor = this.here.cursor;
    const owed = stepsOwed({ phase: 'running', speed: this.state.speed, step: cursor.step, endStep: this.state.endStep }, elapsedMs, this.carry);
    this.carry = owed.carry;
    if (owed.steps > 0) cursor.seek(cursor.step + owed.steps);
    this.sinceSnapshotMs += elapsedMs;
    const atEnd = cursor.step >= this.state.endStep;
    if (atEnd || this.sinceSnapshotMs >= SNAPSHOT_EVERY_MS) this.show();
    if (atEnd) this.update({ playing: false });
  }

  /** Rebuilds the view-model from the cursor, and checks the end when it is there. */
  private show(): void {
    this.sinceSnapshotMs = 0;
    const { cursor, snapshots, reach } = this.here;
    const team = this.row.teamIndex;
    this.view.setMatch(snapshots.snapshot(team));
    if (cursor.step >= reach) {
      const verdict = reach < cursor.finalStep ? 'unfinished' : cursor.hash(team) === this.row.finalStateHash ? 'verified' : 'mismatch';
      this.verdicts.set(this.row, verdict);
    }
    this.update({ step: cursor.step, verification: this.verdicts.get(this.row) ?? 'pending' });
  }

  /** Simulated seconds per real second at a speed (for the speed buttons' hints). */
  static simSecondsPerSecond(speed: number): number {
    return speed * STEPS_PER_SECOND_AT_1X * STEP_SECONDS;
  }
}

async function prepare(row: ReplayRecord, progress: (share: number) => void, code: string): Promise<{ ok: true; opened: Opened } | { ok: false; error: ReplayFileError }> {
  const opened = openReplayRecord(row);
  if (!opened.ok) return opened;
  const cursor = opened.cursor;
  try {
    let reached = 0;
    for (;;) {
      const target = Math.min(cursor.finalStep, reached + PREPARE_SLICE_STEPS);
      const now = cursor.seek(target);
      progress(cursor.finalStep > 0 ? now / cursor.finalStep : 1);
      if (now >= cursor.finalStep || now < target) {
        reached = now;
        break;
      }
      reached = now;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return { ok: true, opened: { cursor, snapshots: new ReplaySnapshots(cursor, code || row.matchId), reach: reached } };
  } catch (error) {
    return { ok: false, error: { code: 'replay-failed', message: REPLAY_FILE_ERRORS['replay-failed'], detail: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Chaos (the scenario's and the host's events) and failures on the team's timeline, each marked at the first
 * step that shows it: what happens during the step that starts at tS is there once that step is taken.
 */
function markersOf(cursor: ReplayCursor, team: number): Marker[] {
  return cursor
    .events(team)
    .filter((e) => e.tS > 0 && (e.kind === 'failure' || (e.kind === 'event' && !isEventEnding(e.code))))
    .map((e) => ({ step: Math.min(cursor.finalStep, Math.floor(e.tS / STEP_SECONDS) + 1), tS: e.tS, kind: e.kind as 'event' | 'failure', code: e.code, values: e.values }));
}
