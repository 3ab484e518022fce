// The room's seat policy: who sits where, and who may come back to which seat. A seat outlives its connection
// (a dropped player's seat waits for them; a restored match's seats wait for their players) and maps a client
// to the Actor the rules see.
//
// Coming back: within Colyseus's reconnection window the SDK's token does it. Beyond it (a reload a minute
// later, a server restart, which the SDK's tokens do not survive) the seat's credential does: an unguessable
// secret the room hands to the seat's own client alone when it sits down, and keeps only as a hash (in memory
// and in the checkpoint). A nickname claims nothing: anyone may type one.
import { createHash, randomBytes } from 'node:crypto';
import { findUser } from '../../shared/iam/directory.ts';
import { BUILDERS_GROUP } from '../../shared/match/create.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import type { Actor, Match } from '../../shared/match/match.ts';
import type { SeatView } from '../wire/project.ts';
import { JOIN_REFUSAL, JOIN_REFUSAL_TEXT, type RosterSeat } from '../../shared/protocol/classroom.ts';


export interface Seat {
  /** The connection sitting here now (or last); empty for a restored seat nobody has claimed yet. */
  sessionId: string;
  actor: Actor;
  connected: boolean;
  /** SHA-256 (hex) of the seat's credential: the room never keeps the credential itself. */
  key: string;
  /** Set while the teacher has removed the player: the id the seat is let back by (its session id then). */
  removed?: string;
  /** A competition's player row this seat was recorded under (its first session id): a rename updates it. */
  recordedAs?: string;
}

/** What a checkpoint keeps of a seat besides its actor and key. */
export interface SeatExtras {
  removed?: string;
  recordedAs?: string;
}

/** What a client asks for when it joins (its options, checked by the room). */
export interface SeatRequest {
  sessionId: string;
  nickname: string;
  team?: string | undefined;
  /** The credential of a seat the client held before. */
  credential?: string | undefined;
  /** In a competition: the client presented the teacher's host token, and it was valid. */
  hostByToken: boolean;
  /** Whether the room takes a new player now (classroom.ts admitsNewPlayer); a returning one always comes back. */
  admitsNew?: boolean;
}

/** A seat taken; `credential` is sent to that client alone (a new seat's, or a reclaimed host seat's new one). */
export type Seating = { ok: true; seat: Seat; credential: string; returning: boolean } | { ok: false; status: number; message: string };

/** The intents the room makes as the account's root to seat a player (their IAM user). */
export type SystemIntent = (intent: MatchIntent) => void;

export function newCredential(): { credential: string; key: string } {
  const credential = randomBytes(32).toString('base64url');
  return { credential, key: keyOf(credential) };
}

function keyOf(credential: string): string {
  return createHash('sha256').update(credential).digest('hex');
}

export class SeatPolicy {
  private bySession = new Map<string, Seat>();
  /** Seats of a restored match whose players have not come back yet. */
  private waiting: Seat[] = [];
  /** Whether seats are handed out as in a competition: only the host token makes a host. */
  private competition: boolean;

  constructor(competition: boolean, restored: { actors: Actor[]; keys: string[]; extras?: SeatExtras[] } | undefined = undefined) {
    this.competition = competition;
    if (restored) this.waiting = restored.actors.map((actor, i) => ({ sessionId: '', actor, connected: false, key: restored.keys[i] ?? '', ...extrasOf(restored.extras?.[i]) }));
  }

  get(sessionId: string): Seat | undefined {
    return this.bySession.get(sessionId);
  }

  /** Every seat, claimed or not: what a checkpoint keeps. */
  all(): Seat[] {
    return [...this.waiting, ...this.bySession.values()];
  }

  /** How many seats of a restored match still wait for players who can claim them (with a credential). */
  unclaimed(): number {
    return this.waiting.filter((s) => s.key !== '').length;
  }

  /**
   * The seated players (not the removed ones). `mfaOf`: whether an actor's requests carry MFA, as the match's
   * rules say (shared/match/apply.ts actorMfa); `switchRoleOf`: the actor's Switch role view as JSON
   * (shared/match/switch-role.ts).
   */
  views(mfaOf?: (actor: Actor) => boolean, switchRoleOf?: (actor: Actor) => string): SeatView[] {
    return seatViews([...this.bySession.values()].filter((s) => s.removed === undefined), mfaOf, switchRoleOf);
  }

  /** The players the teacher removed, by the id they are let back by. */
  removedViews(): SeatView[] {
    const removed = this.all().filter((s) => s.removed !== undefined);
    return seatViews(removed).map((view, i) => ({ ...view, sessionId: removed[i]!.removed!, connected: false }));
  }

  /** Every seat as the classroom rules see it (shared/protocol/classroom.ts): seated ones by session, removed ones by their removal id. */
  roster(): RosterSeat[] {
    return this.all().map((s) => ({ id: s.removed ?? s.sessionId, host: s.actor.host, removed: s.removed !== undefined }));
  }

  /** What a checkpoint keeps of each seat besides its actor and key, in the order of all(). */
  extras(): SeatExtras[] {
    return this.all().map((s) => extrasOf(s));
  }

  /** The teacher removes a player: the seat stays (for the results and the log) but refuses its player. Returns the session to disconnect. */
  remove(id: string): string | undefined {
    const seat = this.bySession.get(id);
    if (!seat || seat.removed !== undefined) return undefined;
    seat.removed = seat.sessionId;
    const wasConnected = seat.connected;
    seat.connected = false;
    return wasConnected ? seat.sessionId : undefined;
  }

  /** A removed player may come back to their seat (with its credential). */
  letBack(id: string): void {
    const seat = this.all().find((s) => s.removed === id);
    if (seat) delete seat.removed;
  }

  /** The teacher renames a player; returns the seat (for the competition's record). */
  rename(id: string, nickname: string): Seat | undefined {
    const seat = this.bySession.get(id);
    if (!seat || seat.removed !== undefined) return undefined;
    seat.actor = { ...seat.actor, nickname };
    return seat;
  }

  /**
   * Seats a joining client: back in its own seat with its credential (or, for a competition's teacher, the host
   * token); else a new seat (the host's, if the room has none yet and is not a competition).
   */
  take(request: SeatRequest, match: Match, system: SystemIntent): Seating {
    if (request.credential !== undefined) {
      const key = keyOf(request.credential);
      const seat = this.all().find((s) => s.key !== '' && s.key === key);
      if (!seat) return { ok: false, status: 403, message: 'That seat credential does not belong to this room.' };
      if (seat.removed !== undefined) return { ok: false, status: JOIN_REFUSAL.removed, message: JOIN_REFUSAL_TEXT.removed };
      if (seat.connected) return { ok: false, status: 409, message: 'That seat is in use by a connected player.' };
      return { ok: true, seat: this.move(seat, request.sessionId), credential: request.credential, returning: true };
    }
    if (request.hostByToken) {
      // The teacher's seat, back with the token: away ones first; a new credential, since the old one is unknown here.
      const away = this.all().find((s) => s.actor.host && !s.connected);
      if (away) {
        const fresh = newCredential();
        away.key = fresh.key;
        return { ok: true, seat: this.move(away, request.sessionId), credential: fresh.credential, returning: true };
      }
    }
    const isHost = this.competition ? request.hostByToken : !this.all().some((s) => s.actor.host);
    if (!isHost && request.admitsNew === false) return { ok: false, status: JOIN_REFUSAL['room-locked'], message: JOIN_REFUSAL_TEXT['room-locked'] };
    const fresh = newCredential();
    const actor = isHost ? hostActor(request.nickname, match) : playerActor(request, match, this.all(), system);
    const seat: Seat = { sessionId: request.sessionId, actor, connected: true, key: fresh.key };
    this.bySession.set(request.sessionId, seat);
    return { ok: true, seat, credential: fresh.credential, returning: false };
  }

  /** The connection dropped or left: the seat stays, shown as away. */
  away(sessionId: string): void {
    const seat = this.bySession.get(sessionId);
    if (seat) seat.connected = false;
  }

  /** Back over the same session (Colyseus's reconnection); false when the seat has meanwhile been claimed elsewhere. */
  back(sessionId: string): boolean {
    const seat = this.bySession.get(sessionId);
    if (!seat || seat.removed !== undefined) return false;
    seat.connected = true;
    return true;
  }

  /**
   * The host (`by`) hands an IAM user to a player (by nickname or session id): from now on they act as it. Named
   * on their own seat, the host signs in to the console as that IAM user, without MFA until the user has a
   * device (shared/match/apply.ts actorMfa), and with `user` null signs in as the account's root again (with
   * its MFA). Another host's seat is never changed.
   */
  assignUser(player: string, user: string | null, by: string): void {
    const seat = [...this.bySession.values()].find((s) => s.sessionId === player || s.actor.nickname === player);
    if (!seat || (seat.actor.host && seat.sessionId !== by)) return;
    const { session: _dropped, ...rest } = seat.actor;
    if (user !== null) seat.actor = { ...rest, identity: { kind: 'user', name: user }, mfa: false };
    else if (seat.actor.host) seat.actor = { ...rest, identity: { kind: 'root' }, mfa: true };
  }

  private move(seat: Seat, sessionId: string): Seat {
    this.waiting = this.waiting.filter((s) => s !== seat);
    if (seat.sessionId !== '' && this.bySession.get(seat.sessionId) === seat) this.bySession.delete(seat.sessionId);
    seat.sessionId = sessionId;
    seat.connected = true;
    this.bySession.set(sessionId, seat);
    return seat;
  }
}

function extrasOf(seat: SeatExtras | undefined): SeatExtras {
  return { ...(typeof seat?.removed === 'string' ? { removed: seat.removed } : {}), ...(typeof seat?.recordedAs === 'string' ? { recordedAs: seat.recordedAs } : {}) };
}

function hostActor(nickname: string, match: Match): Actor {
  const team = match.mode === 'classroom' ? null : (match.teams[0]?.id ?? null);
  return { nickname, identity: { kind: 'root' }, team, host: true, mfa: true };
}

/** A new player: an IAM user of their own in the Builders group, on the team asked for or the smallest. */
function playerActor(request: SeatRequest, match: Match, seats: readonly Seat[], system: SystemIntent): Actor {
  const name = iamNameFor(request.nickname, (n) => findUser(match.directory, n) !== undefined);
  system({ type: 'iam', request: { op: 'createUser', name } });
  system({ type: 'iam', request: { op: 'addToGroup', member: name, group: BUILDERS_GROUP } });
  const team = teamForNewPlayer(match.teams, seats.filter((s) => !s.actor.host), request.team);
  return { nickname: request.nickname, identity: { kind: 'user', name }, team, host: false, mfa: false };
}

/** An IAM user name from a nickname: IAM allows letters, digits and +=,.@_- up to 64 characters. */
export function iamNameFor(nickname: string, taken: (name: string) => boolean): string {
  const base = nickname.replace(/[^\w+=,.@-]/g, '-').replace(/^-+|-+$/g, '').slice(0, 56) || 'player';
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

export function principalLabel(actor: Actor): string {
  if (actor.session) return `role/${actor.session.role}`;
  return actor.identity.kind === 'root' ? 'root' : `user/${actor.identity.name}`;
}

export function seatViews(seats: Iterable<Seat>, mfaOf?: (actor: Actor) => boolean, switchRoleOf?: (actor: Actor) => string): SeatView[] {
  return [...seats].map((s) => ({
    ...(mfaOf ? { mfa: mfaOf(s.actor) } : {}),
    ...(switchRoleOf ? { switchRole: switchRoleOf(s.actor) } : {}),
    sessionId: s.sessionId,
    nickname: s.actor.nickname,
    team: s.actor.team,
    host: s.actor.host,
    connected: s.connected,
    principal: principalLabel(s.actor),
  }));
}

/** The team a new player joins: the one asked for if it exists, else the one with fewest players. */
export function teamForNewPlayer(teams: readonly { id: string }[], seats: Iterable<Seat>, asked: string | undefined): string | null {
  if (teams.length === 0) return null;
  if (asked && teams.some((t) => t.id === asked)) return asked;
  const counts = new Map(teams.map((t) => [t.id, 0]));
  for (const seat of seats) if (seat.actor.team && counts.has(seat.actor.team)) counts.set(seat.actor.team, counts.get(seat.actor.team)! + 1);
  return [...counts.entries()].sort((a, b) => a[1] - b[1])[0]![0];
}
