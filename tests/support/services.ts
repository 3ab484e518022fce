// The Redis and PostgreSQL servers that CI's machine runs: found by a quick connection, skipped locally
// (with the reason) when absent, a failure under CI.
import { connect } from 'node:net';
import { redisCommand } from '../../scripts/load/redis-command.ts';

export { redisCommand };

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function postgresReachable(): Promise<boolean> {
  const url = new URL(TEST_DATABASE_URL);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 5432) });
    socket.setTimeout(1500, () => (socket.destroy(), resolve(false)));
    socket.on('error', () => resolve(false));
    socket.on('connect', () => (socket.destroy(), resolve(true)));
  });
}

/** True when both servers answer; false (with a printed reason) locally; throws under CI. */
export async function redisAndPostgres(): Promise<boolean> {
  const redis = (await redisCommand([['PING']]))?.includes('PONG') ?? false;
  const pg = await postgresReachable();
  if (redis && pg) return true;
  const missing = [redis ? '' : 'Redis at 127.0.0.1:6379', pg ? '' : `PostgreSQL at ${TEST_DATABASE_URL}`].filter(Boolean).join(' and ');
  if (process.env.CI) throw new Error(`CI is set but ${missing} is not reachable`);
  console.warn(`scale-out tests skipped: ${missing} not reachable`);
  return false;
}
