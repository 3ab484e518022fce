// Starts the real game server as its own process, on a free port, the way `npm start` runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { untilReady } from '../../scripts/ready.ts';
import { pgliteTemplatePath } from './pglite-template.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  port: number;
  url: string;
  process: ChildProcess;
  output(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * `entry` is `server/main.ts` (the server alone) or `scripts/start.ts` (build if stale, then serve). Resolves
 * once /healthz says ready: every checkpointed match restored.
 */
export async function startServer(entry = 'server/main.ts', env: Record<string, string> = {}, timeoutMs = 120_000): Promise<RunningServer> {
  // A new embedded database starts from a dump made after initdb instead of running initdb again (seconds each).
  const server = await listening(entry, { TEST_PGLITE_TEMPLATE: await pgliteTemplatePath(), ...env }, timeoutMs);
  await untilReady(server.url, timeoutMs);
  return server;
}

function listening(entry = 'server/main.ts', env: Record<string, string> = {}, timeoutMs = 120_000): Promise<RunningServer> {
  const child = spawn(process.execPath, [entry], {
    cwd: REPO_ROOT,
    // An in-memory database unless the test names a data folder: test servers must not share the user's one.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
    const onData = (): void => {
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const port = Number(match[1]);
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        process: child,
        output: () => output,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode !== null) return child.exitCode;
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on('data', onData);
  });
}
