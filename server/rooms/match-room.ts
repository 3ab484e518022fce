import { randomInt } from 'node:crypto';
import { Room, ServerError, type Client } from '@colyseus/core';
import { applyIntent, leakedUsers } from '../../shared/match/apply.ts';
import { stepsOwed } from '../../shared/match/clock.ts';
import { parseMatchIntent, type MatchIntent } from '../../shared/match/intents.ts';
import type { Actor, Match } from '../../shared/match/match.ts';
import { findUser } from '../../shared/iam/directory.ts';
import { createOptionsSchema, JOIN_REFUSED_MESSAGE, joinOptionsSchema, MAX_PLAYERS, type CreateOptions } from '../../shared/protocol/join.ts';
import { MESSAGE } from '../../shared/protocol/messages.ts';
import { refusal, type Refusal } from '../../shared/protocol/refusals.ts';
import { inTickOrder, runTick, type Queued, type TimelineCursor } from '../../shared/match/tick.ts';
import { intentsAllowed, intentsSpent } from './turn-budget.ts';
import { MatchState } from '../wire/match-state.ts';
import { newMemo, projectMatch, type ProjectionMemo } from '../wire/project.ts';
import { SharedViews } from '../wire/views.ts';
import type { CompetitionPlan } from '../../shared/protocol/competition.ts';
import { recordFinishedMatch } from '../competitions/records.ts';
import { setCompetitionStatus, verifyHostToken } from '../persistence/queries/competitions.ts';
import { getTeam, seatPlayer } from '../persistence/queries/teams.ts';
import { newRoomCode } from './room-codes.ts';
import { iamNameFor, seatViews, teamForNewPlayer, type Seat } from './seats.ts';
import { setUpMatch } from './match-setup.ts';
import { restoreMatch, snapshotMatch } from '../../shared/match/checkpoint.ts';
import { answerFingerprint, answerReplay, answerTrail } from './match-requests.ts';
import { CHECKPOINT_EVERY_MS } from '../match-store.ts';
import { services } from '../services.ts';

/** A checkpoint as stored: the match, and the competition it belongs to. */
interface StoredMatch {
  match: unknown;
  competitionId?: string;
}

/** Colyseus drops a client past this many messages a second: a flood, not a player. */
const MAX_MESSAGES_PER_SECOND = 40;
/**
 * The room's own, gentler limit: intents past this many a second are refused with a reason. Each player gesture
 * is one intent (placing a whole VPC included), so this counts what a person does, and a refusal never leaves
 * half a gesture applied.
 */
export const MAX_INTENTS_PER_SECOND = 12;
/** The loop's period: steps are owed by elapsed time, so this sets latency, not the simulation's speed. */
const TICK_MS = 50;
const PATCH_MS = 100;
/** Board statuses (health, load, rps) are projected at most this often, to keep patches small. */
const STATUS_EVERY_MS = 500;
const SEAT_HOOKS = ['onCreate', 'onAuth', 'onJoin', 'onLeave', 'onDrop', 'onReconnect'];
/**
 * A client whose socket holds more unsent bytes than this has stopped reading (or cannot keep up): it is
 * dropped before its backlog grows the server's memory. Its seat is held for reconnection as for any drop.
 */
export const SLOW_CLIENT_LIMIT_BYTES = Number(process.env.SLOW_CLIENT_LIMIT_BYTES) || 2 * 1024 * 1024;
/** Seconds a dropped player's seat is held for them. */
export const RECONNECT_SECONDS = 60;
/** The group every player joins by default: enough to build, nothing of IAM. The host can change it. */
export const BUILDERS_GROUP = 'Builders';

// The room is thin: it checks the shape of what arrives, queues it, and its fixed-step loop hands the
// queue to the shared rules (shared/match/tick.ts), then projects the match onto the wire state.
export class MatchRoom extends Room<{ state: MatchState }> {
  override maxClients = MAX_PLAYERS;
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
  match!: Match;
  seats = new Map<string, Seat>();
  private queue: Queued[] = [];
  /** Who sent each queued intent (by arrival number): the seat's actor may change before the tick applies it. */
  private senders = new Map<number, string>();
  private arrivals = 0;
  private cursor: TimelineCursor = new Map();
  private memo: ProjectionMemo = newMemo();
  /** One view per audience (a team, the host, the debrief), shared by its clients: each patch is encoded once per view. */
  private views = new SharedViews();
  private carry = 0;
  private lastStatusMs = 0;
  private hostSession: string | null = null;
  /** Seats of a restored match, waiting for their players to come back by nickname. */
  private awaiting: Actor[] = [];
  private lastCheckpointMs = Date.now();
  private checkpointedAt = -1;
  options!: CreateOptions;
  /** The competition this room plays, when a teacher created it through the API. */
  competitionId: string | undefined;
  private finished = false;
  /** A competition's planned build time in seconds (0: none). */
  private buildTimeS = 0;

  override async onCreate(raw: unknown): Promise<void> {
    const restore = (raw as { restore?: unknown } | undefined)?.restore;
    if (typeof restore === 'string' && services.restoring.has(restore)) return this.restore(restore);
    const parsed = createOptionsSchema.safeParse(raw);
    if (!parsed.success) throw new ServerError(400, describeOptionsError(parsed.error.issues[0]));
    this.options = parsed.data;
    const setup = setUpMatch(this.options, this.options.seed ?? randomInt(0, 2 ** 31));
    if (!setup.ok) throw new ServerError(400, setup.message);
    this.match = setup.match;
    // A competition's room takes the code its competition was given (only the server can ask for that).
    const code = (raw as { competitionCode?: unknown }).competitionCode;
    let plan: CompetitionPlan | undefined;
    if (typeof code === 'string' && services.competitionRooms.has(code)) {
      this.competitionId = services.competitionRooms.get(code);
      services.competitionRooms.delete(code);
      this.roomId = code;
      this.autoDispose = false;
      // The teacher's plan (from POST /api/competitions, so trusted): its speed, and the build time to count down.
      plan = (raw as { competitionPlan?: CompetitionPlan }).competitionPlan;
      this.buildTimeS = plan?.buildTimeS ?? 0;
    } else this.roomId = await newRoomCode();
    this.setState(new MatchState());
    this.state.code = this.roomId;
    this.state.buildEndsAtMs = 0;
    // Everyone who joins is put in the Builders group; the host (the account's root) can change that.
    this.system({ type: 'iam', request: { op: 'createGroup', name: BUILDERS_GROUP } });
    this.system({ type: 'iam', request: { op: 'attachPolicy', to: { kind: 'group', name: BUILDERS_GROUP }, policy: { kind: 'managed', name: 'PowerUserAccess' } } });
    // A scenario that leaks a deployment user's keys starts with that user in the account, over-privileged.
    for (const user of leakedUsers(this.match.scenario)) {
      this.system({ type: 'iam', request: { op: 'createUser', name: user } });
      this.system({ type: 'iam', request: { op: 'attachPolicy', to: { kind: 'user', name: user }, policy: { kind: 'managed', name: 'PowerUserAccess' } } });
    }
    if (plan && plan.speed !== this.match.clock.speed) this.system({ type: 'speed', speed: plan.speed });
    this.start();
  }

  /** A match brought back from its checkpoint under its old code, paused until the host resumes it. */
  private async restore(code: string): Promise<void> {
    const stored = (await services.store?.load(code)) as StoredMatch | undefined;
    const restored = restoreMatch(stored?.match);
    if (!restored.ok) throw new ServerError(500, restored.message);
    this.competitionId = typeof stored?.competitionId === 'string' ? stored.competitionId : undefined;
    this.match = restored.match;
    if (this.match.clock.phase === 'running') this.match.clock = { ...this.match.clock, phase: 'paused' };
    this.awaiting = restored.seats;
    // Nobody is in a restored room yet: keep it until its players come back (the first join re-arms this).
    this.autoDispose = false;
    this.roomId = code;
    this.setState(new MatchState());
    this.state.code = code;
    this.state.buildEndsAtMs = 0;
    this.start();
  }

  private start(): void {
    services.rooms.add(this);
    // Ten patches a second: the board moves at most that fast, and each patch is encoded once per view.
    this.setPatchRate(PATCH_MS);
    this.project(true);
    // No validator is given to onMessage: a failing validator would disconnect the sender. We answer instead.
    this.onMessage(MESSAGE.intent, (client, payload: unknown) => this.receiveIntent(client, payload));
    const actorOf = (client: Client) => this.seats.get(client.sessionId)?.actor;
    this.onMessage(MESSAGE.trail, (client, payload: unknown) => answerTrail(this.match, actorOf(client), payload));
    this.onMessage(MESSAGE.fingerprint, (client) => answerFingerprint(this.match, actorOf(client)));
    this.onMessage(MESSAGE.replay, (client) => answerReplay(this.match, actorOf(client), this.finished, this.competitionId ?? this.roomId));
    this.onMessage('*', (client, type) => this.refuse(client, refusal('unknown-message', String(type).slice(0, 40))));
    this.setSimulationInterval((deltaMs) => this.tick(deltaMs), TICK_MS);
  }

  override async onJoin(client: Client, raw: unknown): Promise<void> {
    const parsed = joinOptionsSchema.safeParse(raw);
    if (!parsed.success) throw new ServerError(400, JOIN_REFUSED_MESSAGE);
    const nickname = parsed.data.nickname;
    // In a competition only the host token makes a host; elsewhere the room's creator is the host.
    const tokenHost = this.competitionId !== undefined && parsed.data.hostToken !== undefined && (await this.validHostToken(parsed.data.hostToken));
    if (this.competitionId !== undefined && parsed.data.hostToken !== undefined && !tokenHost) throw new ServerError(401, 'That host token is not valid for this competition.');
    // A player of a restored match comes back by name; the teacher's seat of a competition only with the token.
    const returning = this.awaiting.findIndex((a) => a.nickname === nickname && (!a.host || this.competitionId === undefined || tokenHost));
    const isHost =
      this.competitionId !== undefined
        ? tokenHost
        : this.hostSession === null && (this.awaiting.length === 0 || this.awaiting[returning]?.host === true);
    let actor: Actor;
    if (returning >= 0) {
      // A player of a restored match, back by name: their old seat, team and identity.
      actor = this.awaiting.splice(returning, 1)[0]!;
      if (actor.host) this.hostSession = client.sessionId;
    } else if (isHost) {
      this.hostSession = client.sessionId;
      // The build time starts when the teacher first opens the room, and is shown to everyone as a countdown.
      if (this.buildTimeS > 0 && this.state.buildEndsAtMs === 0 && this.match.clock.phase === 'build') this.state.buildEndsAtMs = Date.now() + this.buildTimeS * 1000;
      const team = this.match.mode === 'classroom' ? null : (this.match.teams[0]?.id ?? null);
      actor = { nickname, identity: { kind: 'root' }, team, host: true, mfa: true };
    } else {
      const name = iamNameFor(nickname, (n) => findUser(this.match.directory, n) !== undefined);
      this.system({ type: 'iam', request: { op: 'createUser', name } });
      this.system({ type: 'iam', request: { op: 'addToGroup', member: name, group: BUILDERS_GROUP } });
      const seats = [...this.seats.values()].filter((s) => !s.actor.host);
      const team = teamForNewPlayer(this.match.teams, seats, parsed.data.team);
      actor = { nickname, identity: { kind: 'user', name }, team, host: false, mfa: false };
    }
    this.seats.set(client.sessionId, { sessionId: client.sessionId, actor, connected: true, window: { startedMs: 0, count: 0 } });
    if (this.competitionId && actor.team) void this.recordPlayer(nickname, actor.team, client.sessionId);
    this.autoDispose = true;
    this.giveView(client);
    this.project(false);
  }

  override async onDrop(client: Client): Promise<void> {
    const seat = this.seats.get(client.sessionId);
    if (seat) seat.connected = false;
    this.project(false);
    try {
      await this.allowReconnection(client, RECONNECT_SECONDS);
    } catch {
      // Not back in time: the seat stays (for results and the log) but shows as away.
    }
  }

  override onReconnect(client: Client): void {
    const seat = this.seats.get(client.sessionId);
    if (seat) seat.connected = true;
    this.giveView(client);
    this.project(false);
  }

  override onLeave(client: Client): void {
    const seat = this.seats.get(client.sessionId);
    if (seat) seat.connected = false;
    this.project(false);
  }

  override async onDispose(): Promise<void> {
    services.rooms.delete(this);
    // Shutting down mid-match: keep it for the restart. Finished, or abandoned by everyone: nothing to keep.
    if (services.shuttingDown && this.match.clock.phase !== 'results') await this.checkpoint();
    else await services.store?.remove(this.roomId).catch(() => undefined);
  }

  /** Stores the match as it is now; its log length orders checkpoints, so a late write never rolls back. */
  private async checkpoint(): Promise<void> {
    const seats = [...this.awaiting, ...[...this.seats.values()].map((s) => s.actor)];
    const position = this.match.trail.length * 1_000_000 + this.match.clock.step;
    this.checkpointedAt = position;
    try {
      const stored: StoredMatch = { match: snapshotMatch(this.match, seats), ...(this.competitionId ? { competitionId: this.competitionId } : {}) };
      await services.store?.save(this.roomId, stored, position);
    } catch (error) {
      console.error(`room ${this.roomId}: checkpoint failed: ${(error as Error).message}`);
    }
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
    void this.disconnect(4500);
  }

  private async validHostToken(token: string): Promise<boolean> {
    const db = await services.store?.ready;
    return db !== undefined && this.competitionId !== undefined && verifyHostToken(db, this.competitionId, token);
  }

  /** Team members see their own board; the host sees every board and the IAM account; after the match, everyone sees every board (the debrief). */
  private giveView(client: Client): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat) return;
    this.project(true);
    client.view = this.views.for(this.state, this.finished ? { host: seat.actor.host, team: seat.actor.team, everyBoard: true } : seat.actor);
  }

  /** The match reached its results: reveal every board, store results, replays and the log. Once. */
  private async finish(): Promise<void> {
    this.finished = true;
    for (const client of this.clients) this.giveView(client);
    const series = new Map(
      [...this.state.boards.entries()].map(([team, board]) => [
        team,
        board.series.map((p) => ({ tS: p.tS, availability: p.requests > 0 ? (p.requests - p.errors) / p.requests : 1 })),
      ]),
    );
    try {
      const db = await services.store?.ready;
      if (db) await recordFinishedMatch(db, this.competitionId ?? this.roomId, this.competitionId, this.match, series);
      await services.store?.remove(this.roomId);
    } catch (error) {
      console.error(`room ${this.roomId}: results could not be stored: ${(error as Error).message}`);
    }
  }

  /** A competition keeps its players (nicknames only) with their teams. */
  private async recordPlayer(nickname: string, team: string, sessionId: string): Promise<void> {
    const db = await services.store?.ready;
    const index = this.match.teams.findIndex((t) => t.id === team);
    if (!db || !this.competitionId || index < 0) return;
    const row = await getTeam(db, this.competitionId, index);
    if (row) await seatPlayer(db, row.id, nickname, sessionId).catch(() => undefined);
  }

  /** Keeps the competition's status in step with the clock, for the teacher's list. */
  private async competitionStatus(phase: string): Promise<void> {
    const db = await services.store?.ready;
    if (!db || !this.competitionId) return;
    const status = phase === 'running' ? 'running' : phase === 'paused' ? 'paused' : undefined;
    if (status) await setCompetitionStatus(db, this.competitionId, status);
  }

  private receiveIntent(client: Client, payload: unknown): void {
    const seat = this.seats.get(client.sessionId);
    if (!seat) return;
    const parsed = parseMatchIntent(payload);
    if (!parsed.ok) return this.refuse(client, parsed.refusal);
    const now = Date.now();
    if (now - seat.window.startedMs >= 1000) seat.window = { startedMs: now, count: 0 };
    if (++seat.window.count > MAX_INTENTS_PER_SECOND) return this.refuse(client, refusal('rate-limited', `${MAX_INTENTS_PER_SECOND} per second`));
    const seq = this.arrivals++;
    this.senders.set(seq, client.sessionId);
    this.queue.push({ seq, actor: seat.actor, intent: parsed.intent, wallMs: now });
  }

  /** An intent the room itself makes (setting up seats), applied as the root account and logged as such. */
  private system(intent: MatchIntent): void {
    const actor: Actor = { nickname: 'five-nines', identity: { kind: 'root' }, team: null, host: true, mfa: true };
    applyIntent(this.match, actor, intent, Date.now());
  }

  private tick(deltaMs: number): void {
    const phaseBefore = this.match.clock.phase;
    const owed = stepsOwed(this.match.clock, deltaMs, this.carry);
    this.carry = owed.carry;
    // The intents this turn's budget allows (see turn-budget.ts), in tick order; the rest wait for the next tick.
    const ordered = inTickOrder(this.queue);
    const take = intentsAllowed(ordered.length, ordered.length > 0 ? Date.now() - Math.min(...ordered.map((q) => q.wallMs)) : 0);
    const queue = ordered.slice(0, take);
    this.queue = ordered.slice(take);
    const started = performance.now();
    const applied = runTick(this.match, queue, 0, Date.now(), this.cursor).applied;
    intentsSpent(queue.length, performance.now() - started);
    const result = { applied, steps: runTick(this.match, [], owed.steps, Date.now(), this.cursor).steps };
    for (const { queued, result: applied } of result.applied) {
      const sessionId = this.senders.get(queued.seq);
      this.senders.delete(queued.seq);
      const seat = sessionId === undefined ? undefined : this.seats.get(sessionId);
      if (!seat) continue;
      if (applied.session !== undefined) seat.actor = { ...seat.actor, ...(applied.session ? { session: applied.session } : {}) };
      if (applied.session === null) delete seat.actor.session;
      if (applied.assign) this.assignUser(applied.assign.player, applied.assign.user);
      const client = this.clients.getById(seat.sessionId);
      if (!client) continue;
      if (!applied.ok && applied.refusal) this.refuse(client, applied.refusal);
      if (applied.warnings?.length) client.send(MESSAGE.notice, { warnings: applied.warnings });
    }
    if (this.match.clock.phase !== phaseBefore) void this.competitionStatus(this.match.clock.phase).catch(() => undefined);
    if (this.match.clock.phase === 'results' && !this.finished) void this.finish();
    const now = Date.now();
    const withStatus = now - this.lastStatusMs >= STATUS_EVERY_MS;
    if (withStatus) this.lastStatusMs = now;
    if (queue.length > 0 || result.steps > 0 || withStatus) this.project(withStatus);
    this.dropSlowClients();
    const position = this.match.trail.length * 1_000_000 + this.match.clock.step;
    if (now - this.lastCheckpointMs >= CHECKPOINT_EVERY_MS && position !== this.checkpointedAt && this.match.clock.phase !== 'results') {
      this.lastCheckpointMs = now;
      void this.checkpoint();
    }
  }

  /** Drops clients whose unsent backlog passed the limit (see SLOW_CLIENT_LIMIT_BYTES). */
  private dropSlowClients(): void {
    for (const client of this.clients) {
      const socket = client.ref as { bufferedAmount?: number; terminate?: () => void } | undefined;
      if ((socket?.bufferedAmount ?? 0) <= SLOW_CLIENT_LIMIT_BYTES) continue;
      console.warn(`room ${this.roomId}: dropping ${client.sessionId}, ${socket?.bufferedAmount} bytes unsent`);
      // terminate(), not close(): a close frame would only queue behind the backlog.
      socket?.terminate?.();
    }
  }

  /** The host hands an IAM user to a player (by nickname or session id): from now on they act as it. */
  private assignUser(player: string, user: string): void {
    const seat = [...this.seats.values()].find((s) => s.sessionId === player || s.actor.nickname === player);
    if (seat && !seat.actor.host) {
      const { session: _dropped, ...rest } = seat.actor;
      seat.actor = { ...rest, identity: { kind: 'user', name: user } };
    }
  }

  private project(withStatus: boolean): void {
    projectMatch(this.state, this.match, seatViews(this.seats.values()), this.memo, withStatus);
  }

  private refuse(client: Client, why: Refusal): void {
    client.send(MESSAGE.refused, why);
  }
}

function describeOptionsError(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'invalid room options';
  return issue.path[0] === 'nickname' ? JOIN_REFUSED_MESSAGE : `${issue.path.join('.')}: ${issue.message}`;
}
