// The network layer: the only place that talks to Colyseus. It never imports Phaser; it turns the room's
// state into plain snapshots for the view-model and sends intents.
import { Client, type Room } from '@colyseus/sdk';
import type { Intent } from '../../shared/protocol/intents.ts';
import { MATCH_ROOM, MESSAGE } from '../../shared/protocol/messages.ts';
import type { Refusal } from '../../shared/protocol/refusals.ts';
import type { PaletteKind } from '../../shared/board/palette.ts';

export interface BoardSnapshot {
  code: string;
  region: string;
  zones: string[];
  components: { id: string; kind: PaletteKind; zone: string; owner: string }[];
  players: { sessionId: string; nickname: string }[];
}

export interface MatchConnection {
  code: string;
  sessionId: string;
  send(intent: Intent): void;
  leave(): Promise<void>;
}

export interface ConnectionEvents {
  onSnapshot(snapshot: BoardSnapshot): void;
  onRefused(refusal: Refusal): void;
  onLost(reason: string): void;
}

/** Where the game server is: the page's own origin, unless the dev setup points elsewhere. */
export function serverEndpoint(): string {
  const configured = import.meta.env.VITE_SERVER_URL as string | undefined;
  return configured && configured.length > 0 ? configured : window.location.origin;
}

interface WireLike {
  toJSON(): {
    code: string;
    region: string;
    zones: string[];
    components: Record<string, BoardSnapshot['components'][number]>;
    players: Record<string, { nickname: string }>;
  };
}

function snapshotOf(state: WireLike): BoardSnapshot {
  const raw = state.toJSON();
  return {
    code: raw.code,
    region: raw.region,
    zones: [...raw.zones],
    components: Object.values(raw.components),
    players: Object.entries(raw.players).map(([sessionId, p]) => ({ sessionId, nickname: p.nickname })),
  };
}

function wire(room: Room, events: ConnectionEvents): MatchConnection {
  room.onStateChange((state) => events.onSnapshot(snapshotOf(state as WireLike)));
  room.onMessage(MESSAGE.refused, (refusal: Refusal) => events.onRefused(refusal));
  room.onLeave((code, reason) => {
    if (code !== 1000) events.onLost(reason ?? `connection closed (${code})`);
  });
  return {
    code: room.roomId,
    sessionId: room.sessionId,
    send: (intent) => room.send(MESSAGE.intent, intent),
    leave: async () => {
      await room.leave(true);
    },
  };
}

export async function createMatch(nickname: string, events: ConnectionEvents): Promise<MatchConnection> {
  const room = await new Client(serverEndpoint()).create(MATCH_ROOM, { nickname });
  return wire(room, events);
}

export async function joinMatch(code: string, nickname: string, events: ConnectionEvents): Promise<MatchConnection> {
  const room = await new Client(serverEndpoint()).joinById(code, { nickname });
  return wire(room, events);
}
