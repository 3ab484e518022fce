// The entry point: read the environment, start the one-port server, stop cleanly on SIGINT/SIGTERM.
import { readFileSync } from 'node:fs';
import { ConfigError, readConfig, type ServerConfig } from './config.ts';
import { startGameServer } from './game-server.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
let config: ServerConfig;
try {
  config = readConfig(process.env, pkg.version);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Five Nines cannot start: ${error.message}`);
  process.exit(2);
}
const server = await startGameServer(config);
if (config.testTimeScale !== 1) console.warn(`TEST_TIME_SCALE=${config.testTimeScale}: every clock runs ${config.testTimeScale} times faster than its speed (tests only)`);
if (config.testPauseAtS !== undefined) console.warn(`TEST_PAUSE_AT_S=${config.testPauseAtS}: every clock stops once at that simulated second (tests only)`);
console.log(`Five Nines ${pkg.version} listening on http://localhost:${server.port}`);
void server.restored.then((count) => {
  if (count > 0) console.log(`restored ${count} match${count === 1 ? '' : 'es'} from checkpoints`);
  // /healthz answers 200 from now on (503 until here): players coming back after a restart find their rooms.
  console.log('ready');
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: stopping`);
  // Rooms checkpoint their matches on the way out, which may wait for a database still starting up.
  const timeout = setTimeout(() => {
    console.error('shutdown took longer than 30 s: exiting anyway');
    process.exit(1);
  }, 30_000);
  timeout.unref();
  await server.stop();
  console.log('stopped');
  process.exit(0);
}
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
