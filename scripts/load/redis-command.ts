// A few raw RESP commands to a Redis on this machine, without a client library: enough for the tests and the
// soak to check reachability, pick and empty a database, and count its keys.
import { connect } from 'node:net';

export const REDIS_HOST = { host: '127.0.0.1', port: 6379 };

/** Sends raw RESP commands (each with a one-line reply) and resolves with the replies' text, or undefined when unreachable. */
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
