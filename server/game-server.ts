import type { AddressInfo } from 'node:net';
import { Server } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { MATCH_ROOM } from '../shared/protocol/messages.ts';
import type { ServerConfig } from './config.ts';
import { mountRoutes } from './http/routes.ts';
import { MatchRoom } from './rooms/match-room.ts';

/**
 * The transport's hard cap on one WebSocket frame. Far above any intent, so an oversized intent reaches the
 * room and gets a clear `too-large` refusal; only absurd frames are cut at the socket.
 */
const MAX_FRAME_BYTES = 256 * 1024;

export interface GameServer {
  /** The port actually bound (useful when the config asked for 0). */
  port: number;
  stop(): Promise<void>;
}

export async function startGameServer(config: ServerConfig): Promise<GameServer> {
  const startedAt = Date.now();
  const transport = new WebSocketTransport({ maxPayload: MAX_FRAME_BYTES });
  // One process: Colyseus's in-memory presence and driver. Several: Redis, so any process can matchmake a
  // client into a room another process hosts, and tell it that process's public address.
  const scaleOut = config.redisUrl
    ? {
        presence: new RedisPresence(config.redisUrl),
        driver: new RedisDriver(config.redisUrl),
        ...(config.publicAddress ? { publicAddress: config.publicAddress } : {}),
      }
    : {};
  const server = new Server({
    transport,
    ...scaleOut,
    greet: false,
    // We own the signals: main.ts stops the server and exits; tests stop it without exiting.
    gracefullyShutdown: false,
    express: (app) => mountRoutes(app, { clientDir: config.clientDir, version: config.version, startedAt }),
  });
  server.define(MATCH_ROOM, MatchRoom);
  await server.listen(config.port, config.host);
  const port = (transport.server?.address() as AddressInfo).port;
  return {
    port,
    stop: () => server.gracefullyShutdown(false),
  };
}
