// `npm start`: build the client if it is missing or stale, then run the game server on one port.
import { buildClientIfStale } from './client-build.ts';

const started = Date.now();
if (await buildClientIfStale()) console.log(`client built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
await import('../server/main.ts');
