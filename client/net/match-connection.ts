// The network layer: the only place that talks to Colyseus. It never imports Phaser; it turns the room's
// state into plain snapshots for the view-model and sends intents.
import { Client, type Room } from '@colyseus/sdk';
import type { ResourceKind } from '../../shared/design/model.ts';
import type { MatchIntent } from '../../shared/match/intents.ts';
import { MATCH_ROOM, MESSAGE } from '../../shared/protocol/messages.ts';
import type { Refusal } from '../../shared/protocol/refusals.ts';
import type { MatchState } from '../../server/wire/match-state.ts';

export interface BoardComponent {
  ref: string;
  kind: ResourceKind;
  stack: string;
  zone: string;
  health: string;
  count: number;
}

export interface BoardSnapshot {
  code: string;
  region: string;
  zones: string[];
  phase: string;
  components: BoardComponent[];
  players: { sessionId: string; nickname: string }[];
}

export interface MatchConnection {
  code: string;
  sessionId: string;
  send(intent: MatchIntent): void;
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

type StateJson = ReturnType<MatchState['toJSON']> & {
  boards?: Record<string, { resources: Record<string, { ref: string; kind: string; stack: string; region: string; zone: string; props: string; health: string; count: number }> }>;
  players: Record<string, { nickname: string; team: string }>;
};

function snapshotOf(state: StateJson, sessionId: string): BoardSnapshot {
  const me = state.players[sessionId];
  const board = state.boards?.[me?.team ?? ''] ?? Object.values(state.boards ?? {})[0];
  const resources = Object.values(board?.resources ?? {});
  const region = resources.find((r) => r.region)?.region ?? 'us-east-1';
  const subnetZone = new Map(resources.filter((r) => r.kind === 'subnet').map((r) => [r.ref, r.zone]));
  const zoneOf = (r: (typeof resources)[number]): string => {
    if (r.zone) return r.zone;
    const props = JSON.parse(r.props) as { subnets?: string[]; subnet?: string };
    return subnetZone.get(props.subnet ?? props.subnets?.[0] ?? '') ?? '';
  };
  return {
    code: state.code,
    region,
    zones: ['a', 'b', 'c'].map((s) => `${region}${s}`),
    phase: state.phase,
    components: resources.map((r) => ({ ref: r.ref, kind: r.kind as ResourceKind, stack: r.stack, zone: zoneOf(r), health: r.health, count: r.count })),
    players: Object.entries(state.players).map(([id, p]) => ({ sessionId: id, nickname: p.nickname })),
  };
}

function wire(room: Room, events: ConnectionEvents): MatchConnection {
  room.onStateChange((state) => events.onSnapshot(snapshotOf((state as { toJSON(): StateJson }).toJSON(), room.sessionId)));
  room.onMessage(MESSAGE.refused, (refusal: Refusal) => events.onRefused(refusal));
  room.onMessage(MESSAGE.notice, () => undefined);
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
  const room = await new Client(serverEndpoint()).create(MATCH_ROOM, { nickname, mode: 'team', design: 'alb-asg-multi-az' });
  return wire(room, events);
}

export async function joinMatch(code: string, nickname: string, events: ConnectionEvents): Promise<MatchConnection> {
  const room = await new Client(serverEndpoint()).joinById(code, { nickname });
  return wire(room, events);
}
