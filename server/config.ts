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
}

function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return 2567;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, not "${value}"`);
  }
  return port;
}

export function readConfig(env: NodeJS.ProcessEnv, version: string): ServerConfig {
  return {
    port: portFrom(env.PORT),
    host: env.HOST ?? '0.0.0.0',
    clientDir: env.CLIENT_DIR ?? fileURLToPath(new URL('../dist/client/', import.meta.url)),
    version,
  };
}
