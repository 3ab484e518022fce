// `npm run dev`: Vite with hot reload for the client, and the game server restarted on every change.
// The page is served by Vite (http://localhost:5173) and talks to the game server on its own port.
import { spawn, type ChildProcess } from 'node:child_process';

const serverPort = process.env.PORT ?? '2567';
const children: ChildProcess[] = [
  spawn(process.execPath, ['--watch', '--watch-path=server', '--watch-path=shared', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: serverPort },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], {
    stdio: 'inherit',
    env: { ...process.env, VITE_SERVER_URL: `http://localhost:${serverPort}` },
  }),
];

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));
