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
  /**
   * Tests only (TEST_TIME_SCALE): every room's clock runs this many times faster than its speed says, so a browser
   * test reaches an hour of usage or a seeded colleague's change in seconds. Set only in the server's environment,
   * never by a client, and refused when NODE_ENV is production: no player can turn it on. 1 when unset.
   */
  testTimeScale: number;
  /**
   * Tests only (TEST_PAUSE_AT_S): every room's clock stops at this simulated second, once, as if its host had paused
   * it there, so a test that waits for a moment is at that moment exactly however loaded its machine. Same guard.
   */
  testPauseAtS?: number;
  /**
   * Tests only (TEST_PGLITE_TEMPLATE): a PGlite data directory dumped after initdb (tests/support/pglite-template.ts),
   * loaded instead of running initdb when the embedded database is in memory, so a test server is ready in a
   * fraction of the seconds initdb takes. Same guard.
   */
  testPgliteTemplate?: string;
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

/** The most a test may speed time up: 64 × 8× plays a three-hour scenario in about five seconds. */
export const MAX_TEST_TIME_SCALE = 64;

function testTimeScaleFrom(value: string | undefined, nodeEnv: string | undefined): number {
  if (value === undefined || value.trim() === '') return 1;
  const scale = Number(value);
  if (!Number.isInteger(scale) || scale < 1 || scale > MAX_TEST_TIME_SCALE) {
    throw new ConfigError(`TEST_TIME_SCALE must be an integer from 1 to ${MAX_TEST_TIME_SCALE}, not "${value}"`);
  }
  if (scale !== 1 && nodeEnv === 'production') throw new ConfigError('TEST_TIME_SCALE is for tests: unset it when NODE_ENV is production');
  return scale;
}

function testPauseAtFrom(value: string | undefined, nodeEnv: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const simS = Number(value);
  if (!Number.isInteger(simS) || simS < 1) throw new ConfigError(`TEST_PAUSE_AT_S must be a whole number of simulated seconds, not "${value}"`);
  if (nodeEnv === 'production') throw new ConfigError('TEST_PAUSE_AT_S is for tests: unset it when NODE_ENV is production');
  return simS;
}

function testPgliteTemplateFrom(value: string | undefined, nodeEnv: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (nodeEnv === 'production') throw new ConfigError('TEST_PGLITE_TEMPLATE is for tests: unset it when NODE_ENV is production');
  return value.trim();
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
    testTimeScale: testTimeScaleFrom(env.TEST_TIME_SCALE, env.NODE_ENV),
    ...(env.TEST_PAUSE_AT_S ? { testPauseAtS: testPauseAtFrom(env.TEST_PAUSE_AT_S, env.NODE_ENV) } : {}),
    ...(env.TEST_PGLITE_TEMPLATE ? { testPgliteTemplate: testPgliteTemplateFrom(env.TEST_PGLITE_TEMPLATE, env.NODE_ENV) } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(publicAddress ? { publicAddress } : {}),
    ...(databaseSchema ? { databaseSchema } : {}),
  };
}
