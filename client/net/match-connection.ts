// The network layer: the only place that talks to Colyseus. It never imports Phaser; it turns the room's
// state into plain snapshots for the view-model, sends intents, asks for CloudTrail pages, and keeps the
// player in their seat: whatever ends the connection (a dropped network, a flood the server cut, a server
// restart, the room closing) is reported as a connection state, and where the seat can be had back it is.
//
// Coming back: first with the SDK's reconnection token (the room holds a dropped seat a minute for it), then
// with the seat credential the room gave this client (message `seat`), which also survives a server restart.
// The SDK's own automatic reconnection is switched off: it gives up on a restart (the token is gone with the
// old process) and on Colyseus's error close, and two loops would race; this one covers every ending.
import type { LevelChoice } from '../../shared/protocol/levels.ts';
import { Client, type Room } from '@colyseus/sdk';
import type { DesignNotice } from '../../shared/design/model.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import { CLOSE, endingOf } from '../../shared/protocol/close-codes.ts';
import type { CreateOptions, JoinOptions } from '../../shared/protocol/join.ts';
import { MATCH_ROOM, MESSAGE, type ReplayAnswer } from '../../shared/protocol/messages.ts';
import type { ExportStackAnswer, ExportStackRequest } from '../../shared/protocol/export-stack.ts';
import { refusal, type Refusal } from '../../shared/protocol/refusals.ts';
import type { TrailEvent } from '../../shared/trail/event.ts';
import type { TrailQuery } from '../../shared/trail/query.ts';
import type { FlowRecordsAnswer, FlowRecordsRequest } from '../../shared/protocol/flow-records.ts';
import type { ChangeSetAnswer, ChangeSetRequest } from '../../shared/protocol/change-set.ts';
import { serverEndpoint } from './endpoint.ts';
import type { ClassroomAnswer, ClassroomCommand } from '../../shared/protocol/classroom.ts';
import { forgetSeat, saveSeat, savedSeat } from './session-store.ts';
import { SnapshotReader, type MatchSnapshot, type StateJson } from './snapshot.ts';
import { followChanges, WireMirror } from './wire-mirror.ts';

export interface MatchConnection {
  code: string;
  send(intent: MatchIntent): void;
  trail(query: TrailQuery): Promise<TrailEvent[]>;
  /** The change set of a template for a stack of this player's team, computed by the room. */
  changeSet(request: ChangeSetRequest): Promise<ChangeSetAnswer>;
  /** The finished match's replay (refused before the finish). */
  replay(): Promise<ReplayAnswer>;
  /** One stack of the team's design as CloudFormation takes it (the host names the team). */
  exportStack(request: ExportStackRequest): Promise<ExportStackAnswer>;
  /** A page of one of this team's flow logs, computed by the room (never in the synced state). */
  flowRecords(request: FlowRecordsRequest): Promise<FlowRecordsAnswer>;
  /** A teacher's control of the classroom's room (shared/protocol/classroom.ts). */
  classroom(command: ClassroomCommand): Promise<ClassroomAnswer>;
  leave(): Promise<void>;
}

/**
 * Where the connection stands, as the player is told it: `lost` and `restarting` are being repaired
 * (automatically), `back` follows a repair; `room-closed`, `taken-elsewhere` and `gave-up` are final.
 */
export type ConnectionStatus = 'connected' | 'lost' | 'restarting' | 'back' | 'room-closed' | 'taken-elsewhere' | 'gave-up' | 'removed';

export interface ConnectionEvents {
  /** `readFrom`: when reading the room's state began (performance.now()), for the update's cost. */
  onSnapshot(snapshot: MatchSnapshot, readFrom: number): void;
  onRefused(refusal: Refusal): void;
  /** The loader's warnings on the sender's deploy, as codes and values (English sentences from an older server). */
  onNotice(notices: DesignNotice[]): void;
  onStatus(status: ConnectionStatus): void;
}

/** Snapshots are built at most this often: the room patches up to 20 times a second, the screen needs fewer. */
const SNAPSHOT_EVERY_MS = 200;
/** Waits between attempts to get the seat back: quick at first, then every few seconds. */
const RETRY_MS = [200, 500, 1000, 2000, 3000];
/** Past this without a seat (the server down, or never giving it back), the page stops trying and says so. */
const GIVE_UP_MS = 3 * 60_000;
/** Connections that end again this soon after coming back count as a fight over the seat (two windows). */
const FLAPPING_MS = 20_000;
const MAX_FLAPS = 3;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server answers /healthz 200 only once it has restored its checkpointed matches (503 meanwhile). */
async function serverReady(): Promise<boolean> {
  try {
    return (await fetch(`${serverEndpoint()}/healthz`, { cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

/** Colyseus's matchmaking answer for a room that is not on the server (disposed, or not restored yet). */
const ROOM_NOT_FOUND = 522;
/** The room's answers to a seat credential (server/rooms/seats.ts): not one of its seats; in use by a live connection. */
const SEAT_NOT_THIS_ROOMS = 403;
const SEAT_IN_USE = 409;

function wire(first: Room, nickname: string, events: ConnectionEvents): MatchConnection {
  const code = first.roomId;
  let room = first;
  let leaving = false;
  /** The current room's connection has ended (a repair may be under way): nothing to leave on it. */
  let ended = false;
  let credential = savedSeat()?.code === code ? savedSeat()?.credential : undefined;
  const recoveries: number[] = [];
  const reader = new SnapshotReader();

  const attach = (r: Room): void => {
    room = r;
    ended = false;
    r.reconnection.enabled = false;
    // The room's state, read along what its patches changed (wire-mirror.ts): a new room starts a new mirror.
    const mirror = new WireMirror();
    const follow = followChanges(r, mirror);
    follow();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastBuilt = 0;
    const build = (): void => {
      timer = null;
      lastBuilt = performance.now();
      follow();
      if (r === room) events.onSnapshot(reader.read(mirror.read<StateJson>(r.state as object), r.sessionId), lastBuilt);
    };
    r.onStateChange(() => {
      follow();
      if (timer !== null) return;
      timer = setTimeout(build, Math.max(0, SNAPSHOT_EVERY_MS - (performance.now() - lastBuilt)));
    });
    r.onMessage(MESSAGE.refused, (refusal: Refusal) => events.onRefused(refusal));
    r.onMessage(MESSAGE.notice, (notice: { warnings?: string[]; notices?: DesignNotice[] }) => events.onNotice(notice.notices ?? (notice.warnings ?? []).map((message) => ({ code: '', message }))));
    r.onMessage(MESSAGE.seat, (seat: { credential?: string }) => {
      // A seat message racing a leave must not save the seat again (the next load would sit back down).
      if (typeof seat.credential !== 'string' || leaving) return;
      credential = seat.credential;
      saveSeat({ code, token: r.reconnectionToken, credential, nickname });
    });
    r.onLeave((closeCode) => {
      if (r !== room) return;
      ended = true;
      const ending = endingOf(closeCode, leaving);
      if (ending === 'left') return forgetSeat();
      if (ending === 'room-closed' || ending === 'taken-elsewhere' || ending === 'removed') return end(ending);
      void recover(ending);
    });
    saveSeat({ code, token: r.reconnectionToken, ...(credential ? { credential } : {}), nickname });
  };

  // A player who left on purpose is told nothing more about this connection: a repair still under way when
  // "Back to the map" was pressed must not show "Connection lost" (or "Reconnected") over the next screen.
  const say = (status: ConnectionStatus): void => {
    if (!leaving) events.onStatus(status);
  };
  const end = (status: 'room-closed' | 'taken-elsewhere' | 'gave-up' | 'removed'): void => {
    // A removed player keeps the seat's credential: let back by the teacher, it brings them to their own seat.
    if (status !== 'gave-up' && status !== 'removed') forgetSeat();
    say(status);
  };
  /** A seat had back after the player left: given up at once, so the room does not hold a player who went. */
  const seated = (r: Room): void => {
    if (leaving) {
      void r.leave(true).catch(() => undefined);
      return;
    }
    attach(r);
    say('back');
  };

  /** Tries, until it works or cannot: the token, then the credential; a room not found is closed only once the server is ready. */
  const recover = async (cause: 'lost' | 'restarting'): Promise<void> => {
    const now = Date.now();
    recoveries.push(now);
    while (recoveries.length > 0 && now - recoveries[0]! > FLAPPING_MS) recoveries.shift();
    if (recoveries.length > MAX_FLAPS) return end('taken-elsewhere');
    say(cause);
    const started = Date.now();
    for (let attempt = 0; !leaving; attempt++) {
      await pause(RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!);
      if (leaving) return;
      let notFound = false;
      try {
        return seated(await new Client(serverEndpoint()).reconnect(room.reconnectionToken));
      } catch (error) {
        const status = (error as { code?: number }).code;
        // The seat was taken back with its credential from another window meanwhile.
        if (status === CLOSE.seatTakenElsewhere) return end('taken-elsewhere');
        notFound = status === ROOM_NOT_FOUND;
      }
      if (credential) {
        try {
          return seated(await new Client(serverEndpoint()).joinById(code, { nickname, seat: credential }));
        } catch (error) {
          const status = (error as { code?: number }).code;
          notFound = status === ROOM_NOT_FOUND;
          // The credential is not this room's: the seat cannot come back.
          if (status === SEAT_NOT_THIS_ROOMS) return end('room-closed');
          // Our token is spent and another connection (another window of ours) sits in the seat.
          if (status === SEAT_IN_USE) return end('taken-elsewhere');
        }
      }
      // Not found on a server that has restored everything it had: the room is gone for good.
      if (notFound && (await serverReady())) return end('room-closed');
      if (Date.now() - started > GIVE_UP_MS) return end('gave-up');
    }
  };

  attach(first);
  return {
    code,
    // While the connection is down nothing is queued for a room that may not come back: the player is told.
    send: (intent) => (ended ? events.onRefused(refusal('not-connected')) : room.send(MESSAGE.intent, intent)),
    async trail(query) {
      const answer = (await room.request(MESSAGE.trail, query)) as { ok: boolean; events?: TrailEvent[] };
      return answer.ok ? (answer.events ?? []) : [];
    },
    changeSet: async (request) => (await room.request(MESSAGE.changeSet, request)) as ChangeSetAnswer,
    replay: async () => (await room.request(MESSAGE.replay)) as ReplayAnswer,
    exportStack: async (request) => (await room.request(MESSAGE.exportStack, request)) as ExportStackAnswer,
    flowRecords: async (request) => (await room.request(MESSAGE.flowRecords, request)) as FlowRecordsAnswer,
    classroom: async (command) => (await room.request(MESSAGE.classroom, command)) as ClassroomAnswer,
    leave: async () => {
      leaving = true;
      forgetSeat();
      if (!ended) await room.leave(true);
    },
  };
}

/** `level`: a published level (issue 17) the room plays instead of `scenario`. */
export type NewMatch = Pick<CreateOptions, 'mode' | 'scenario'> & { design?: string; seed?: number; level?: LevelChoice };

export async function createMatch(nickname: string, match: NewMatch, events: ConnectionEvents): Promise<MatchConnection> {
  const room = await new Client(serverEndpoint()).create(MATCH_ROOM, { nickname, ...match });
  return wire(room, nickname, events);
}

/** What else a join may say: the classroom team a student picks, or the teacher's host token. */
export type JoinExtras = Pick<JoinOptions, 'team' | 'hostToken'>;

export async function joinMatch(code: string, nickname: string, events: ConnectionEvents, extras: JoinExtras = {}): Promise<MatchConnection> {
  const room = await new Client(serverEndpoint()).joinById(code, { nickname, ...extras });
  return wire(room, nickname, events);
}

/**
 * Back into a seat after a reload: with the token the room gave this tab while it holds the seat (a minute),
 * else with the seat's credential (after a restart, or later).
 */
export async function rejoinMatch(seat: { code: string; token: string; credential?: string; nickname?: string }, events: ConnectionEvents): Promise<MatchConnection> {
  const nickname = seat.nickname ?? '';
  try {
    return wire(await new Client(serverEndpoint()).reconnect(seat.token), nickname, events);
  } catch (error) {
    if (!seat.credential || !nickname) throw error;
    return wire(await new Client(serverEndpoint()).joinById(seat.code, { nickname, seat: seat.credential }), nickname, events);
  }
}
