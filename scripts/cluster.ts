// `npm run start:cluster -- --processes N [--base-port P]`: N game-server processes on consecutive ports of
// this machine, sharing matchmaking and rooms through Redis and results through PostgreSQL. Each process
// announces its own address, so a client matchmade by one process connects straight to the one hosting
// its room. (Across machines, run `npm start` on each with REDIS_URL, DATABASE_URL and PUBLIC_ADDRESS.)
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { buildClientIfStale } from './client-build.ts';

const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '2' },
    'base-port': { type: 'string', default: process.env.PORT ?? '2567' },
  },
});
const processes = Number(values.processes);
const basePort = Number(values['base-port']);
if (!Number.isInteger(processes) || processes < 1 || processes > 64) {
  console.error('--processes must be a whole number from 1 to 64');
  process.exit(2);
}
if (!Number.isInteger(basePort) || basePort < 1 || basePort + processes > 65536) {
  console.error('--base-port must leave room for every process below 65536');
  process.exit(2);
}
if (!process.env.REDIS_URL || !process.env.DATABASE_URL) {
  console.error(
    'start:cluster needs REDIS_URL (shared matchmaking) and DATABASE_URL (shared results), for example\n' +
      '  REDIS_URL=redis://127.0.0.1:6379 DATABASE_URL=postgres://postgres@127.0.0.1:5432/fivenines npm run start:cluster -- --processes 2',
  );
  process.exit(2);
}

await buildClientIfStale();
const host = process.env.PUBLIC_HOST ?? 'localhost';
const children: ChildProcess[] = [];
for (let i = 0; i < processes; i++) {
  const port = basePort + i;
  children.push(
    spawn(process.execPath, ['server/main.ts'], {
      stdio: 'inherit',
      env: { ...process.env, PORT: String(port), PUBLIC_ADDRESS: `${host}:${port}` },
    }),
  );
}

let running = children.length;
let failed = false;
for (const child of children) {
  child.on('exit', (code) => {
    if (code !== 0) failed = true;
    if (--running === 0) process.exit(failed ? 1 : 0);
  });
}
const stopAll = (signal: NodeJS.Signals): void => {
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
process.once('SIGINT', () => stopAll('SIGINT'));
process.once('SIGTERM', () => stopAll('SIGTERM'));
