// A server process of its own for the load harness and the soak: on loopback, a free port, the embedded
// database in memory unless the caller's environment says otherwise (REDIS_URL, DATABASE_URL, …).
import { spawn } from 'node:child_process';
import { untilReady } from '../ready.ts';

export interface OwnServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startOwnServer(env: Record<string, string> = {}, nodeFlags: string[] = []): Promise<OwnServer> {
  const child = spawn(process.execPath, [...nodeFlags, 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: 'memory://', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await untilReady(`http://127.0.0.1:${port}`);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface ServerMetrics {
  rssBytes: number;
  heapUsedBytes: number;
  cpuMicros: number;
  eventLoopDelayP99Ms: number;
  rooms: number;
  clients: number;
  database: string;
}

/** GET /metrics; `gc` asks a server started with --expose-gc to collect first (the soak's heap readings). */
export async function serverMetrics(url: string, options: { reset?: boolean; gc?: boolean } = {}): Promise<ServerMetrics> {
  const query = new URLSearchParams({ ...(options.reset ? { reset: '1' } : {}), ...(options.gc ? { gc: '1' } : {}) });
  return (await (await fetch(`${url}/metrics?${query}`)).json()) as ServerMetrics;
}

/** The embedded database starts on a worker (initdb takes seconds of CPU): measure the game, not that. */
export async function untilDatabaseReady(url: string): Promise<void> {
  for (let i = 0; i < 600 && (await serverMetrics(url)).database === 'opening'; i++) await new Promise((r) => setTimeout(r, 100));
}
