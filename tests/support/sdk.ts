// Real @colyseus/sdk clients for room tests, with what they were told kept for assertions.
import { Client, type Room } from '@colyseus/sdk';
import { MATCH_ROOM, MESSAGE } from '../../shared/protocol/messages.ts';
import type { Refusal } from '../../shared/protocol/refusals.ts';
import { waitFor } from './wait.ts';

export interface Player {
  room: Room;
  refusals: Refusal[];
  notices: unknown[];
  /** The seat credential the room sent this client alone (undefined until it arrives). */
  credential(): string | undefined;
  /** The state as plain JSON. */
  state(): WireJson;
  send(intent: unknown): void;
  /**
   * Leaves the room, or does nothing if the room already closed this client (removed, kicked, server gone): the SDK's
   * own `room.leave()` then sends on a closed socket and its promise never settles, which hung an afterAll.
   */
  leave(): Promise<void>;
  /** Sends and waits for the room to have applied or refused it (a refusal arrives, or `until` holds). */
}

export interface WireJson {
  code: string;
  phase: string;
  step: number;
  speed: number;
  buildEndsAtMs: number;
  players: Record<string, { nickname: string; team: string; host: boolean; connected: boolean; principal: string; mfa?: boolean; switchRole?: string }>;
  teams: Record<string, { id: string; score: number; members: number }>;
  boards: Record<string, { resources: Record<string, { ref: string; kind: string; props: string; health: string }>; links: Record<string, unknown>; series: unknown[] }>;
  account: Record<string, { directory: string }>;
}

export function player(room: Room): Player {
  const refusals: Refusal[] = [];
  const notices: unknown[] = [];
  let credential: string | undefined;
  room.onMessage(MESSAGE.refused, (r: Refusal) => refusals.push(r));
  room.onMessage(MESSAGE.notice, (n: unknown) => notices.push(n));
  room.onMessage(MESSAGE.seat, (s: { credential: string }) => (credential = s.credential));
  return {
    room,
    refusals,
    notices,
    credential: () => credential,
    state: () => (room.state as { toJSON(): WireJson }).toJSON(),
    send: (intent) => room.send(MESSAGE.intent, intent),
    leave: async () => {
      if (room.connection?.isOpen) await room.leave();
    },
  };
}

export async function createRoom(url: string, options: Record<string, unknown>): Promise<Player> {
  const p = player(await new Client(url).create(MATCH_ROOM, options));
  await waitFor(() => Object.keys(p.state().players ?? {}).length > 0, 'the first state');
  return p;
}

export async function joinRoom(url: string, code: string, options: Record<string, unknown>): Promise<Player> {
  const p = player(await new Client(url).joinById(code, options));
  await waitFor(() => Object.keys(p.state().players ?? {}).length > 0, 'the first state');
  return p;
}

export function resourcesOf(p: Player, team = 'team-1'): Record<string, { ref: string; kind: string; props: string; health: string }> {
  return p.state().boards?.[team]?.resources ?? {};
}

/** A bucket created in the example designs' `web` stack: the smallest design change a test can make over the wire. */
export const bucketIntent = (logicalId: string) => ({ type: 'createResource', stack: 'web', kind: 'bucket', logicalId, props: { websiteHosting: false } });
