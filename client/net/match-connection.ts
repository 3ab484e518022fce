// The network layer: the only place that talks to Colyseus. It never imports Phaser; it turns the room's
// state into plain snapshots for the view-model, sends intents, asks for CloudTrail pages and keeps the
// reconnection token so that a reload returns the player to their seat.
import { Client, type Room } from '@colyseus/sdk';
import type { MatchIntent } from '../../shared/match/intents.ts';
import type { CreateOptions, JoinOptions } from '../../shared/protocol/join.ts';
import { MATCH_ROOM, MESSAGE, type ReplayAnswer } from '../../shared/protocol/messages.ts';
import type { Refusal } from '../../shared/protocol/refusals.ts';
import type { TrailEvent } from '../../shared/trail/event.ts';
import type { TrailQuery } from '../../shared/trail/query.ts';
import { serverEndpoint } from './endpoint.ts';
import { forgetSeat, saveSeat } from './session-store.ts';
import { SnapshotReader, type MatchSnapshot, type StateJson } from './snapshot.ts';
import { followChanges, WireMirror } from './wire-mirror.ts';

export interface MatchConnection {
  code: string;
  sessionId: string;
  send(intent: MatchIntent): void;
  trail(query: TrailQuery): Promise<TrailEvent[]>;
  /** The finished match's replay (refused before the finish). */
  replay(): Promise<ReplayAnswer>;
  leave(): Promise<void>;
}

export interface ConnectionEvents {
  /** `readFrom`: when reading the room's state began (performance.now()), for the update's cost. */
  onSnapshot(snapshot: MatchSnapshot, readFrom: number): void;
  onRefused(refusal: Refusal): void;
  onNotice(warnings: string[]): void;
  onLost(reason: string): void;
  onBack(): void;
}

/** Snapshots are built at most this often: the room patches up to 20 times a second, the screen needs fewer. */
const SNAPSHOT_EVERY_MS = 200;

function wire(room: Room, events: ConnectionEvents): MatchConnection {
  const mirror = new WireMirror();
  const reader = new SnapshotReader();
  const follow = followChanges(room, mirror);
  follow();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastBuilt = 0;
  const build = (): void => {
    timer = null;
    lastBuilt = performance.now();
    follow();
    events.onSnapshot(reader.read(mirror.read<StateJson>(room.state as object), room.sessionId), lastBuilt);
  };
  room.onStateChange(() => {
    follow();
    if (timer !== null) return;
    const wait = Math.max(0, SNAPSHOT_EVERY_MS - (performance.now() - lastBuilt));
    timer = setTimeout(build, wait);
  });
  room.onMessage(MESSAGE.refused, (refusal: Refusal) => events.onRefused(refusal));
  room.onMessage(MESSAGE.notice, (notice: { warnings?: string[] }) => events.onNotice(notice.warnings ?? []));
  room.onDrop(() => events.onLost('dropped'));
  room.onReconnect(() => {
    saveSeat(room.roomId, room.reconnectionToken);
    events.onBack();
  });
  room.onLeave((code, reason) => {
    if (code === 1000) forgetSeat();
    else events.onLost(reason ?? `connection closed (${code})`);
  });
  saveSeat(room.roomId, room.reconnectionToken);
  return {
    code: room.roomId,
    sessionId: room.sessionId,
    send: (intent) => room.send(MESSAGE.intent, intent),
    async trail(query) {
      const answer = (await room.request(MESSAGE.trail, query)) as { ok: boolean; events?: TrailEvent[] };
      return answer.ok ? (answer.events ?? []) : [];
    },
    replay: async () => (await room.request(MESSAGE.replay)) as ReplayAnswer,
    leave: async () => {
      forgetSeat();
      await room.leave(true);
    },
  };
}

export type NewMatch = Pick<CreateOptions, 'mode' | 'scenario'> & { design?: string; seed?: number };

export async function createMatch(nickname: string, match: NewMatch, events: ConnectionEvents): Promise<MatchConnection> {
  const room = await new Client(serverEndpoint()).create(MATCH_ROOM, { nickname, ...match });
  return wire(room, events);
}

/** What else a join may say: the classroom team a student picks, or the teacher's host token. */
export type JoinExtras = Pick<JoinOptions, 'team' | 'hostToken'>;

export async function joinMatch(code: string, nickname: string, events: ConnectionEvents, extras: JoinExtras = {}): Promise<MatchConnection> {
  const room = await new Client(serverEndpoint()).joinById(code, { nickname, ...extras });
  return wire(room, events);
}

/** Back into a seat after a reload, with the token the room gave this tab. */
export async function rejoinMatch(token: string, events: ConnectionEvents): Promise<MatchConnection> {
  const room = await new Client(serverEndpoint()).reconnect(token);
  return wire(room, events);
}
