// The Redis and PostgreSQL servers that CI's machine runs: found by a quick connection, skipped locally
// (with the reason) when absent, a failure under CI.
import { connect } from 'node:net';

export const REDIS_HOST = { host: '127.0.0.1', port: 6379 };
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Sends raw RESP commands to Redis and resolves with the reply text, or undefined when unreachable. */
export function redisCommand(commands: string[][], timeoutMs = 1500): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = connect(REDIS_HOST);
    let reply = '';
    const done = (value: string | undefined) => {
      socket.destroy();
      resolve(value);
    };
    socket.setTimeout(timeoutMs, () => done(undefined));
    socket.on('error', () => done(undefined));
    socket.on('connect', () => {
      for (const args of commands) socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
    });
    socket.on('data', (d) => {
      reply += d.toString();
      if (reply.split('\r\n').length > commands.length) done(reply);
    });
  });
}

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
