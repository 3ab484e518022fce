// The match room: Colyseus's hooks, in the order a room lives them. It checks the shape of what arrives and
// queues it; its fixed-step loop (match-loop.ts) hands the queue to the shared rules, and the room projects the
// match onto the wire state. Everything else is in its own file: who sits where (seats.ts), floods and slow
// readers (transport-guard.ts), what is written down (recorder.ts), how a match is set up (match-setup.ts)
// and the answers to requests (match-requests.ts).
import { randomInt } from 'node:crypto';
import { Room, ServerError, type Client } from '@colyseus/core';
import { actorMfa, applyIntent, type Applied } from '../../shared/match/apply.ts';
import { parseMatchIntent, type MatchIntent } from '../../shared/match/intents.ts';
import { SYSTEM_ACTOR } from '../../shared/match/create.ts';
import { switchRoleView } from '../../shared/match/switch-role.ts';
import { restoredClock } from '../../shared/match/clock.ts';
import type { Match } from '../../shared/match/match.ts';
import type { CompetitionPlan } from '../../shared/protocol/competition.ts';
import { createOptionsSchema, JOIN_REFUSED_MESSAGE, joinOptionsSchema, MAX_PLAYERS, type CreateOptions } from '../../shared/protocol/join.ts';
import { CLOSE } from '../../shared/protocol/close-codes.ts';
import { MESSAGE } from '../../shared/protocol/messages.ts';
import { refusal, type Refusal } from '../../shared/protocol/refusals.ts';
import { verifyHostToken } from '../persistence/queries/competitions.ts';
import type { Services } from '../services.ts';
import { MatchState } from '../wire/match-state.ts';
import { newMemo, projectMatch, type ProjectionMemo, chartMemory, rememberCharts } from '../wire/project.ts';
import { SharedViews } from '../wire/views.ts';
import { projectClassroom } from '../wire/project-classroom.ts';
import { answerFingerprint, answerReplay, answerTrail } from './match-requests.ts';
import { answerFlowRecords } from './flow-records-request.ts';
import { answerExportStack } from './export-request.ts';
import { answerChangeSet } from './change-set-request.ts';
import { MatchLoop } from './match-loop.ts';
import { TestClock } from './test-clock.ts';
import { setUpMatch } from './match-setup.ts';
import { levelMatch } from '../levels/level-match.ts';
import { MatchRecorder } from './recorder.ts';
import { newRoomCode } from './room-codes.ts';
import { SeatPolicy } from './seats.ts';
import { admitsNew, applyClassroomCommand, buildTimeIsUp, OPEN_ROOM, type ClassroomSettings } from './classroom-controls.ts';
import { findPlayerBySession, seatPlayer } from '../persistence/queries/teams.ts';
import { MAX_INTENTS_PER_SECOND, MAX_MESSAGES_PER_SECOND, TransportGuard } from './transport-guard.ts';

/** The loop's period: steps are owed by elapsed time, so this sets latency, not the simulation's speed. */
const TICK_MS = 50;
/** Ten patches a second: the board moves at most that fast, and each patch is encoded once per view. */
const PATCH_MS = 100;
/** Board statuses (health, load, rps) are projected at most this often, to keep patches small. */
const STATUS_EVERY_MS = 500;
const SEAT_HOOKS = ['onCreate', 'onAuth', 'onJoin', 'onLeave', 'onDrop', 'onReconnect'];
/** Seconds a dropped player's seat is held for the SDK's reconnection token (the seat credential works after). */
export const RECONNECT_SECONDS = 60;
/** A restored match found empty this long after its restore (or after its last check) is given up. */
const RESTORED_WAIT_MS = 30 * 60_000;

/** The room class Colyseus is given: the match room with this server's services. */
export function matchRoomClass(services: Services): typeof MatchRoom {
  return class extends MatchRoom {
    override services = services;
  };
}

export class MatchRoom extends Room<{ state: MatchState }> {
  override maxClients = MAX_PLAYERS;
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
  /** Set by matchRoomClass: the process's store, turn budget and flags. */
  services!: Services;
  match!: Match;
  options!: CreateOptions;
  /** The competition this room plays, when a teacher created it through the API. */
  competitionId: string | undefined;
  private seats!: SeatPolicy;
  private recorder!: MatchRecorder;
  private loop!: MatchLoop;
  private guard = new TransportGuard();
  /** A test server's faster clock and its one pause (test-clock.ts); on any other server it changes nothing. */
  private testClock!: TestClock;
  private memo: ProjectionMemo = newMemo();
  /** One view per audience (a team, the host, the debrief), shared by its clients: each patch is encoded once per view. */
  private views = new SharedViews();
  private lastStatusMs = 0;
  private finished = false;
  /** A competition's planned build time in seconds (0: none). */
  private buildTimeS = 0;
  /** The teacher's settings of the room: late joins, the build time's deadline and whether it starts the match. */
  private classroom: ClassroomSettings = { ...OPEN_ROOM };

  override async onCreate(raw: unknown): Promise<void> {
    const restore = (raw as { restore?: unknown } | undefined)?.restore;
    if (typeof restore === 'string' && this.services.restoring.has(restore)) return this.restore(restore);
    const parsed = createOptionsSchema.safeParse(raw);
    if (!parsed.success) throw new ServerError(400, describeOptionsError(parsed.error.issues[0]));
    this.options = parsed.data;
    const seed = this.options.seed ?? randomInt(0, 2 ** 31);
    // A published level is read from the database; a campaign scenario from assets/.
    const setup = this.options.level ? await levelMatch(this.services, this.options.level, this.options, seed) : setUpMatch(this.options, seed);
    if (!setup.ok) throw new ServerError((setup as { status?: number }).status ?? 400, setup.message);
    this.match = setup.match;
    // A competition's room takes the code its competition was given (only the server can ask for that).
    const code = (raw as { competitionCode?: unknown }).competitionCode;
    let plan: CompetitionPlan | undefined;
    if (typeof code === 'string' && this.services.competitionRooms.has(code)) {
      this.competitionId = this.services.competitionRooms.get(code);
      this.services.competitionRooms.delete(code);
      this.roomId = code;
      this.autoDispose = false;
      // The teacher's plan (from POST /api/competitions, so trusted): its speed, and the build time to count down.
      plan = (raw as { competitionPlan?: CompetitionPlan }).competitionPlan;
      this.buildTimeS = plan?.buildTimeS ?? 0;
      this.classroom = { ...OPEN_ROOM, autoStart: plan?.autoStart ?? false, lateJoins: plan?.lateJoins ?? true };
    } else this.roomId = await newRoomCode();
    this.seats = new SeatPolicy(this.competitionId !== undefined);
    if (plan && plan.speed !== this.match.clock.speed) this.system({ type: 'speed', speed: plan.speed });
    this.start();
  }

  /** A match brought back from its checkpoint under its old code, paused until the host resumes it. */
  private async restore(code: string): Promise<void> {
    const loaded = await MatchRecorder.load(this.services, code);
    if (!loaded.ok) throw new ServerError(500, loaded.message);
    this.competitionId = loaded.competitionId;
    this.match = loaded.match;
    rememberCharts(this.memo, loaded.charts);
    this.match.clock = restoredClock(this.match.clock);
    // Each seat waits for its own player, who comes back with the seat's credential (a teacher with the host token).
    this.seats = new SeatPolicy(this.competitionId !== undefined, loaded.seats);
    // The lock and the build time's deadline survive the restart: a deadline that passed meanwhile starts the match once a player is back.
    this.classroom = loaded.classroom;
    // Nobody is in a restored room yet: keep it until its players are back (see onJoin), or until nobody came.
    this.autoDispose = false;
    this.clock.setInterval(() => {
      if (this.clients.length === 0) void this.disconnect();
    }, RESTORED_WAIT_MS);
    this.roomId = code;
    this.start();
  }

  private start(): void {
    this.recorder = new MatchRecorder(this.services, this.roomId, this.competitionId);
    this.loop = new MatchLoop(this.services.turnBudget);
    this.testClock = new TestClock(this.services.testClock, this.match.clock);
    this.services.rooms.add(this);
    this.setState(new MatchState());
    this.state.code = this.roomId;
    this.state.buildEndsAtMs = this.classroom.buildEndsAtMs;
    this.setPatchRate(PATCH_MS);
    this.project(true);
    // No validator is given to onMessage: a failing validator would disconnect the sender. We answer instead.
    this.onMessage(MESSAGE.intent, (client, payload: unknown) => this.receiveIntent(client, payload));
    const actorOf = (client: Client) => this.seats.get(client.sessionId)?.actor;
    this.onMessage(MESSAGE.trail, (client, payload: unknown) => answerTrail(this.match, actorOf(client), payload));
    this.onMessage(MESSAGE.fingerprint, (client) => answerFingerprint(this.match, actorOf(client)));
    this.onMessage(MESSAGE.changeSet, (client, payload: unknown) => answerChangeSet(this.match, actorOf(client), payload));
    this.onMessage(MESSAGE.replay, (client) => answerReplay(this.match, actorOf(client), this.finished, this.competitionId ?? this.roomId));
    this.onMessage(MESSAGE.flowRecords, (client, payload: unknown) => answerFlowRecords(this.match, actorOf(client), payload));
    this.onMessage(MESSAGE.classroom, (client, payload: unknown) => this.classroomCommand(client, payload));
    this.onMessage(MESSAGE.exportStack, (client, payload: unknown) => answerExportStack(this.match, actorOf(client), payload));
    this.onMessage('*', (client, type) => this.refuse(client, refusal('unknown-message', String(type).slice(0, 40))));
    this.setSimulationInterval((deltaMs) => this.tick(deltaMs), TICK_MS);
  }

  override async onJoin(client: Client, raw: unknown): Promise<void> {
    const parsed = joinOptionsSchema.safeParse(raw);
    if (!parsed.success) throw new ServerError(400, JOIN_REFUSED_MESSAGE);
    const { nickname, team, hostToken, seat: credential } = parsed.data;
    // In a competition only the host token makes a host; elsewhere the room's creator is the host.
    const hostByToken = this.competitionId !== undefined && hostToken !== undefined && (await this.validHostToken(hostToken));
    if (this.competitionId !== undefined && hostToken !== undefined && !hostByToken) throw new ServerError(401, 'That host token is not valid for this competition.');
    const admitsNewPlayer = admitsNew(this.classroom, this.match.clock);
    const seating = this.seats.take({ sessionId: client.sessionId, nickname, team, credential, hostByToken, admitsNew: admitsNewPlayer }, this.match, (intent) => this.system(intent));
    if (!seating.ok) throw new ServerError(seating.status, seating.message);
    const { seat } = seating;
    // Only this client learns its seat's credential: it brings the player back after a restart.
    client.send(MESSAGE.seat, { credential: seating.credential });
    // The build time starts when the teacher first opens the room, and is shown to everyone as a countdown.
    if (seat.actor.host && this.buildTimeS > 0 && this.classroom.buildEndsAtMs === 0 && this.match.clock.phase === 'build') {
      this.classroom.buildEndsAtMs = Date.now() + this.buildTimeS * 1000;
      this.state.buildEndsAtMs = this.classroom.buildEndsAtMs;
    }
    if (!seating.returning && this.competitionId && seat.actor.team) {
      seat.recordedAs = client.sessionId;
      void this.recorder.recordPlayer(this.match, nickname, seat.actor.team, client.sessionId);
    }
    // Empty again, the room goes; but not while a restored seat still waits for its player.
    this.autoDispose = this.seats.unclaimed() === 0;
    this.giveView(client);
    this.project(false);
  }

  override onDrop(client: Client): void {
    this.seats.away(client.sessionId);
    this.project(false);
    // Not awaited: Colyseus closes a connection it ends itself (a flood past maxMessagesPerSecond, a duplicate
    // token) only once onDrop returns. Awaiting the reconnection here held that socket open, deaf and silent,
    // for the whole window. Not back in time: onLeave follows, and the seat stays (for results and the log).
    this.allowReconnection(client, RECONNECT_SECONDS).catch(() => undefined);
  }

  override onReconnect(client: Client): void {
    // The seat may have been claimed meanwhile by its credential, from a newer connection: this one has no seat.
    // Removed by the teacher meanwhile: told so, not seated.
    if (this.seats.get(client.sessionId)?.removed !== undefined) return client.leave(CLOSE.removedByHost, 'Your instructor removed you from this room.');
    if (!this.seats.back(client.sessionId)) return client.leave(CLOSE.seatTakenElsewhere, 'This seat was taken back from another connection.');
    this.giveView(client);
    this.project(false);
  }

  override onLeave(client: Client): void {
    this.seats.away(client.sessionId);
    this.guard.forget(client.sessionId);
    this.project(false);
  }

  override async onDispose(): Promise<void> {
    this.services.rooms.delete(this);
    // Refused as it was created (an unknown level, bad options): it never started, and there is nothing to keep.
    if (!this.recorder) return;
    // Shutting down mid-match: keep it for the restart. Finished, or abandoned by everyone: nothing to keep.
    if (this.services.shuttingDown && this.match.clock.phase !== 'results') await this.recorder.checkpoint(this.match, this.seats, chartMemory(this.memo), this.classroom);
    else await this.recorder.discard();
  }

  override onUncaughtException(error: Error, methodName: string): void {
    // Errors in the seat-keeping hooks are re-thrown by Colyseus to the one client concerned (a refused
    // join is a ServerError we threw on purpose): nothing to end there.
    if (SEAT_HOOKS.includes(methodName)) {
      if (!(error.cause instanceof ServerError) && !(error instanceof ServerError)) console.error(`room ${this.roomId}: ${methodName} failed:`, error);
      return;
    }
    // Anywhere else (the tick, a message handler) a fault ends at most this room: log it, tell the players,
    // close the room; the process and every other room go on.
    console.error(`room ${this.roomId}: uncaught exception in ${methodName}:`, error);
    this.broadcast(MESSAGE.refused, refusal('internal-error', methodName));
    void this.disconnect(CLOSE.roomFault);
  }

  /** An intent from a seated client: over the rate limit it is dropped (the window's first drop answered); else checked and queued. */
  private receiveIntent(client: Client, payload: unknown): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat) return;
    const now = Date.now();
    const admission = this.guard.admit(client.sessionId, now);
    if (admission !== 'accept') this.services.droppedIntents++;
    if (admission === 'refuse') return this.refuse(client, refusal('rate-limited', `${MAX_INTENTS_PER_SECOND} per second`));
    if (admission === 'drop') return;
    const parsed = parseMatchIntent(payload);
    if (!parsed.ok) return this.refuse(client, parsed.refusal);
    this.loop.enqueue(client.sessionId, seat.actor, parsed.intent, now);
  }

  /** One turn of the loop (match-loop.ts), its answers to their senders; then the wire, the guard and the recorder. */
  private tick(deltaMs: number): void {
    // The build time ran out and the teacher chose that it starts the match: the room starts it, as the game.
    if (buildTimeIsUp(this.classroom, this.match.clock, Date.now(), this.clients.length)) this.system({ type: 'clock', command: 'start' });
    const phaseBefore = this.match.clock.phase;
    const turn = this.loop.turn(this.match, this.testClock.elapsedMs(deltaMs), this.testClock.stepLimit(this.match.clock));
    if (this.testClock.duePause(this.match.clock)) this.system({ type: 'clock', command: 'pause' });
    for (const { sessionId, result } of turn.answers) this.answer(sessionId, result);
    if (this.match.clock.phase !== phaseBefore) void this.recorder.competitionStatus(this.match.clock.phase);
    if (this.match.clock.phase === 'results' && !this.finished) this.finish();
    const now = Date.now();
    const withStatus = now - this.lastStatusMs >= STATUS_EVERY_MS;
    if (withStatus) this.lastStatusMs = now;
    if (turn.applied > 0 || turn.steps > 0 || withStatus) this.project(withStatus);
    this.guard.dropSlowClients(this.clients, this.roomId);
    this.recorder.checkpointIfDue(this.match, this.seats, () => chartMemory(this.memo), now, this.classroom);
  }

  /** What applying one intent means for its sender: a new role session, a user handed out, a refusal, warnings. */
  private answer(sessionId: string, applied: Applied): void {
    const seat = this.seats.get(sessionId);
    if (!seat) return;
    if (applied.session !== undefined) seat.actor = { ...seat.actor, ...(applied.session ? { session: applied.session } : {}) };
    if (applied.session === null) delete seat.actor.session;
    if (applied.assign) this.seats.assignUser(applied.assign.player || sessionId, applied.assign.user, sessionId);
    const client = this.clients.getById(seat.sessionId);
    if (!client) return;
    if (!applied.ok && applied.refusal) this.refuse(client, applied.refusal);
    if (applied.warnings?.length) client.send(MESSAGE.notice, { warnings: applied.warnings, notices: applied.notices ?? [] });
  }

  /** The match reached its results: every board is revealed (the debrief), and the recorder stores it. Once. */
  private finish(): void {
    this.finished = true;
    for (const client of this.clients) this.giveView(client);
    void this.recorder.finish(this.match, this.memo.history);
  }

  /** An intent the room itself makes (a new player's IAM user), applied as the game's root and logged as such. */
  private system(intent: MatchIntent): void {
    applyIntent(this.match, SYSTEM_ACTOR, intent, Date.now());
  }

  /** A teacher's control of the room (classroom-controls.ts); answered to the sender, applied at once (seats are not the simulation). */
  private classroomCommand(client: Client, payload: unknown): unknown {
    const answer = applyClassroomCommand(
      {
        seats: this.seats,
        settings: this.classroom,
        clientBySession: (id) => this.clients.getById(id),
        recordRename: (recordedAs, nickname) => void this.recordRename(recordedAs, nickname),
        changed: () => this.project(false),
      },
      this.seats.get(client.sessionId)?.actor,
      payload,
    );
    if (!answer.ok) this.refuse(client, answer.refusal);
    return answer;
  }

  /** A renamed student's row in the competition's records: the exports name them as the room now does. */
  private async recordRename(recordedAs: string, nickname: string): Promise<void> {
    const db = await this.services.store?.ready;
    if (!db || !this.competitionId) return;
    const row = await findPlayerBySession(db, this.competitionId, recordedAs).catch(() => undefined);
    if (row) await seatPlayer(db, row.teamId, nickname, recordedAs).catch(() => undefined);
  }

  private async validHostToken(token: string): Promise<boolean> {
    const db = await this.services.store?.ready;
    return db !== undefined && this.competitionId !== undefined && verifyHostToken(db, this.competitionId, token);
  }

  /** Team members see their own board; the host sees every board and the IAM account; after the match, everyone sees every board (the debrief). */
  private giveView(client: Client): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat) return;
    this.project(true);
    client.view = this.views.for(this.state, this.finished ? { host: seat.actor.host, team: seat.actor.team, everyBoard: true } : seat.actor);
  }

  private project(withStatus: boolean): void {
    const seats = this.seats.views((actor) => actorMfa(this.match, actor), (actor) => JSON.stringify(switchRoleView(this.match, actor)));
    projectMatch(this.state, this.match, seats, this.memo, withStatus);
    projectClassroom(this.state, this.classroom, this.seats.removedViews());
  }

  private refuse(client: Client, why: Refusal): void {
    client.send(MESSAGE.refused, why);
  }
}

function describeOptionsError(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'invalid room options';
  return issue.path[0] === 'nickname' ? JOIN_REFUSED_MESSAGE : `${issue.path.join('.')}: ${issue.message}`;
}
