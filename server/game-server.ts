import type { AddressInfo } from 'node:net';
import { matchMaker, Server } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { MATCH_ROOM } from '../shared/protocol/messages.ts';
import type { ServerConfig } from './config.ts';
import { mountRoutes } from './http/routes.ts';
import { matchStore } from './match-store.ts';
import { openDatabase } from './persistence/database.ts';
import { openDatabaseInWorker } from './persistence/worker-database.ts';
import { matchRoomClass } from './rooms/match-room.ts';
import { newServices, type Services } from './services.ts';

/**
 * The transport's hard cap on one WebSocket frame. Far above any intent, so an oversized intent reaches the
 * room and gets a clear `too-large` refusal; only absurd frames are cut at the socket.
 */
const MAX_FRAME_BYTES = 256 * 1024;

export interface GameServer {
  /** The port actually bound (useful when the config asked for 0). */
  port: number;
  /** Resolves when the database is open and checkpointed matches are restored. */
  restored: Promise<number>;
  stop(): Promise<void>;
}

/** Re-creates every checkpointed match under its old code, paused until its players return. */
async function restoreMatches(services: Services): Promise<number> {
  const codes = (await services.store?.pending().catch(() => [])) ?? [];
  let restored = 0;
  for (const code of codes) {
    services.restoring.add(code);
    try {
      // On this process, which holds the checkpoint's claim (matchMaker.createRoom may pick another).
      await matchMaker.handleCreateRoom(MATCH_ROOM, { restore: code });
      restored++;
    } catch (error) {
      console.error(`match ${code} could not be restored: ${(error as Error).message}`);
    } finally {
      services.restoring.delete(code);
    }
  }
  return restored;
}

export async function startGameServer(config: ServerConfig): Promise<GameServer> {
  const startedAt = Date.now();
  const services = newServices();
  services.testClock = { timeScale: config.testTimeScale, ...(config.testPauseAtS !== undefined ? { pauseAtS: config.testPauseAtS } : {}) };
  // The database opens in the background: the page and new rooms do not wait for it. The embedded one runs
  // on a worker thread, so neither its start (initdb) nor its queries ever stall the game loop.
  services.store = matchStore(() =>
    config.databaseUrl
      ? openDatabase({ databaseUrl: config.databaseUrl, ...(config.databaseSchema ? { schema: config.databaseSchema } : {}) })
      : openDatabaseInWorker({
          dataDir: config.dataDir,
          ...(config.testPgliteTemplate ? { templatePath: config.testPgliteTemplate } : {}),
        }),
  );
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
    express: (app) => mountRoutes(app, { clientDir: config.clientDir, version: config.version, startedAt, services }),
  });
  server.define(MATCH_ROOM, matchRoomClass(services));
  await server.listen(config.port, config.host);
  const port = (transport.server?.address() as AddressInfo).port;
  // Ready (for /healthz) once every checkpoint has been tried: restored, or reported as not restorable.
  const restored = restoreMatches(services).finally(() => {
    services.ready = true;
  });
  return {
    port,
    restored,
    async stop() {
      // Rooms checkpoint their matches as they are disposed; then the database closes.
      services.shuttingDown = true;
      await server.gracefullyShutdown(false);
      await services.store?.close();
      await services.prover.close();
    },
  };
}
