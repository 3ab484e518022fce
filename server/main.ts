// The entry point: read the environment, start the one-port server, stop cleanly on SIGINT/SIGTERM.
import { readFileSync } from 'node:fs';
import { readConfig } from './config.ts';
import { startGameServer } from './game-server.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const config = readConfig(process.env, pkg.version);
const server = await startGameServer(config);
console.log(`Five Nines ${pkg.version} listening on http://localhost:${server.port}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: stopping`);
  const timeout = setTimeout(() => {
    console.error('shutdown took longer than 10 s: exiting anyway');
    process.exit(1);
  }, 10_000);
  timeout.unref();
  await server.stop();
  console.log('stopped');
  process.exit(0);
}
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
