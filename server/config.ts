// Everything the server reads from its environment, read once at start-up. Defaults are embedded so a fresh
// machine needs nothing set: one port, no database server, no Redis.
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  /** TCP port for the page, its assets and the game's WebSocket (0 picks a free one, for tests). */
  port: number;
  host: string;
  /** The built client, served as static files. */
  clientDir: string;
  version: string;
  /** Set: several processes share matchmaking and rooms through Redis (Colyseus's presence and driver). */
  redisUrl?: string;
  /** The address clients reach this very process at, announced to the others (scale-out only). */
  publicAddress?: string;
  /** Set: a PostgreSQL server; unset: the embedded database under dataDir. */
  databaseUrl?: string;
  /** A schema to work in on that server (tests use one each, so runs never collide). */
  databaseSchema?: string;
  dataDir: string;
}

export class ConfigError extends Error {}

function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 2567;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, not "${value}"`);
  }
  return port;
}

function optional(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function readConfig(env: NodeJS.ProcessEnv, version: string): ServerConfig {
  const redisUrl = optional(env.REDIS_URL);
  const databaseUrl = optional(env.DATABASE_URL);
  // Processes that share rooms must share results too: an embedded database is one process's alone.
  if (redisUrl && !databaseUrl) {
    throw new ConfigError(
      'REDIS_URL is set but DATABASE_URL is not: with several processes, results must go to a shared PostgreSQL. ' +
        'Set DATABASE_URL (e.g. postgres://user@host:5432/fivenines), or unset REDIS_URL to run one process with the embedded database.',
    );
  }
  const publicAddress = optional(env.PUBLIC_ADDRESS);
  const databaseSchema = optional(env.DATABASE_SCHEMA);
  return {
    port: portFrom(env.PORT),
    host: env.HOST ?? '0.0.0.0',
    clientDir: env.CLIENT_DIR ?? fileURLToPath(new URL('../dist/client/', import.meta.url)),
    version,
    dataDir: optional(env.DATA_DIR) ?? fileURLToPath(new URL('../data/pglite', import.meta.url)),
    ...(redisUrl ? { redisUrl } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(publicAddress ? { publicAddress } : {}),
    ...(databaseSchema ? { databaseSchema } : {}),
  };
}
