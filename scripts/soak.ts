// `npm run soak -- --minutes 10 [--redis] [--rooms 6] [--clients 4] [--play 4] [--time-scale 1]`
// Rooms created and disposed over and over against a server of its own (started with --expose-gc), to show
// that nothing a room leaves behind accumulates: each cycle creates rooms of bots that build, starts their
// clocks, ends half of the matches (their results are stored), leaves, and waits until every room is gone;
// then the server's heap is read after a full collection. With --redis the server runs in scale-out mode
// (Redis presence and driver, PostgreSQL on this machine) and the Redis keys are counted after each cycle.
// --time-scale N (tests): the server's clocks run N times faster (TEST_TIME_SCALE), so an ended match is played out
// to its end in a fraction of the time; what is measured (rooms gone, heap, keys) does not depend on the pace.
// Ends with one JSON line; exit code 1 when the heap or the Redis keys did not come back to their baseline.
// First: the wire meter must be in place before the SDK loads (the bots use it).
import './load/wire-meter.ts';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { Bot } from './load/bot.ts';
import { serverMetrics, startOwnServer, untilDatabaseReady } from './load/own-server.ts';
import { redisCommand } from './load/redis-command.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rooms: { type: 'string', default: '6' },
    clients: { type: 'string', default: '4' },
    play: { type: 'string', default: '4' },
    'time-scale': { type: 'string', default: '1' },
    redis: { type: 'boolean', default: false },
    'database-url': { type: 'string', default: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const minutes = Number(values.minutes);
const rooms = Number(values.rooms);
const clients = Number(values.clients);
const playS = Number(values.play);
const timeScale = Number(values['time-scale']);
for (const [name, v, max] of [['minutes', minutes, 120], ['rooms', rooms, 30], ['clients', clients, 30], ['play', playS, 60], ['time-scale', timeScale, 64]] as const) {
  if (!(v > 0 && v <= max)) {
    console.error(`--${name} must be a number above 0 and at most ${max}`);
    process.exit(2);
  }
}

// Scale-out mode: a Redis database of our own (emptied before and after) and a PostgreSQL schema of our own.
const redisDb = String(1 + (process.pid % 15));
const env: Record<string, string> = timeScale === 1 ? {} : { TEST_TIME_SCALE: String(timeScale) };
if (values.redis) {
  if (!(await redisCommand([['PING']]))?.includes('PONG')) {
    console.error('--redis needs Redis at 127.0.0.1:6379');
    process.exit(2);
  }
  await redisCommand([['SELECT', redisDb], ['FLUSHDB']]);
  Object.assign(env, {
    REDIS_URL: `redis://127.0.0.1:6379/${redisDb}`,
    DATABASE_URL: values['database-url'],
    DATABASE_SCHEMA: `fivenines_soak_${process.pid}`,
  });
}
const redisKeys = async (): Promise<number | undefined> => {
  if (!values.redis) return undefined;
  const reply = await redisCommand([['SELECT', redisDb], ['DBSIZE']]);
  const m = reply ? /:(\d+)\r\n$/.exec(reply) : null;
  return m ? Number(m[1]) : undefined;
};

const server = await startOwnServer(env, ['--expose-gc']);
await untilDatabaseReady(server.url);
const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10;
const errors: string[] = [];
let roomsCreated = 0;
let matchesEnded = 0;

async function allRoomsGone(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if ((await serverMetrics(server.url)).rooms === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  errors.push('rooms still open 30 s after everyone left');
}

/** One cycle: rooms of bots build, half their matches end (stored), everyone leaves, every room disposes. */
async function cycle(n: number): Promise<void> {
  const bots: Bot[] = [];
  const hosts: Bot[] = [];
  await Promise.all(
    Array.from({ length: rooms }, async (_, r) => {
      const host = new Bot(server.url, `Soak${n}-${r}`);
      try {
        const code = await host.create({ mode: 'team', scenario: 'az-outage', design: 'alb-asg-multi-az' });
        roomsCreated++;
        hosts.push(host);
        const guests = Array.from({ length: clients - 1 }, (_, i) => new Bot(server.url, `S${n}-${r}-${i}`));
        await Promise.all(guests.map((g) => g.join(code)));
        bots.push(host, ...guests);
        host.send({ type: 'clock', command: 'start' });
        host.send({ type: 'speed', speed: 8 });
      } catch (error) {
        errors.push(`create: ${(error as Error).message}`);
      }
    }),
  );
  const until = Date.now() + playS * 1000;
  await Promise.all(bots.map((b) => b.play('us-east-1', until, 500)));
  // Half the matches reach their results: results, replays and audit logs are written as they would be.
  const ending = hosts.filter((_, i) => i % 2 === 0);
  for (const host of ending) {
    host.send({ type: 'clock', command: 'end' });
    matchesEnded++;
  }
  // An ended match first plays the rest of its scenario out (shared/match/clock.ts): wait for its results.
  const resultsBy = Date.now() + 120_000;
  const inResults = (bot: Bot) => (bot.room?.state as { phase?: string } | undefined)?.phase === 'results';
  while (Date.now() < resultsBy && !ending.every(inResults)) await new Promise((r) => setTimeout(r, 250));
  await new Promise((r) => setTimeout(r, 500));
  await Promise.all(bots.map((b) => b.stop()));
  for (const b of bots) errors.push(...b.stats.errors);
  await allRoomsGone();
}

// Two warm-up cycles: first use of every code path compiles and caches (JIT, schema reflection, queries).
await cycle(-2);
await cycle(-1);
const baseline = await serverMetrics(server.url, { gc: true });
const baselineKeys = await redisKeys();
const samples: { cycle: number; heapMb: number; rssMb: number; redisKeys?: number }[] = [];
const started = Date.now();
for (let n = 0; Date.now() - started < minutes * 60_000; n++) {
  await cycle(n);
  const m = await serverMetrics(server.url, { gc: true });
  const keys = await redisKeys();
  samples.push({ cycle: n, heapMb: mb(m.heapUsedBytes), rssMb: mb(m.rssBytes), ...(keys !== undefined ? { redisKeys: keys } : {}) });
  if (process.stderr.isTTY) process.stderr.write(`\rcycle ${n}: heap ${mb(m.heapUsedBytes)} MB, rss ${mb(m.rssBytes)} MB${keys !== undefined ? `, ${keys} Redis keys` : ''}   `);
}
const final = await serverMetrics(server.url, { gc: true });
const finalKeys = await redisKeys();
await server.stop();
if (values.redis) {
  await redisCommand([['SELECT', redisDb], ['FLUSHDB']]);
  // The soak's own schema goes with it.
  const db = new pg.Client({ connectionString: values['database-url'] });
  await db.connect();
  await db.query(`DROP SCHEMA IF EXISTS ${env.DATABASE_SCHEMA} CASCADE`);
  await db.end();
}

// The heap's trend over the cycles (least squares), in KB per cycle: a leak shows as a steady slope.
const xs = samples.map((s) => s.cycle);
const ys = samples.map((s) => s.heapMb * 1000);
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / Math.max(1, v.length);
const mx = mean(xs);
const my = mean(ys);
const slope = xs.length > 1 ? xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0) : 0;
// Back to baseline: within 10 % (and at least 3 MB: one open PostgreSQL pool or a cached plan is not a leak).
const heapBack = final.heapUsedBytes <= baseline.heapUsedBytes + Math.max(3e6, baseline.heapUsedBytes * 0.1);
const keysBack = finalKeys === undefined || baselineKeys === undefined || finalKeys <= baselineKeys;
const result = {
  mode: values.redis ? 'redis' : 'single-process',
  minutes: Math.round(((Date.now() - started) / 60_000) * 10) / 10,
  cycles: samples.length,
  roomsCreated,
  matchesEnded,
  clientsPerRoom: clients,
  baselineHeapMb: mb(baseline.heapUsedBytes),
  finalHeapMb: mb(final.heapUsedBytes),
  maxHeapMb: Math.max(...samples.map((s) => s.heapMb)),
  heapSlopeKbPerCycle: Math.round(slope * 10) / 10,
  baselineRssMb: mb(baseline.rssBytes),
  finalRssMb: mb(final.rssBytes),
  ...(values.redis ? { baselineRedisKeys: baselineKeys, finalRedisKeys: finalKeys } : {}),
  heapBackToBaseline: heapBack,
  redisKeysBackToBaseline: keysBack,
  errors: errors.length,
  errorSamples: [...new Set(errors)].slice(0, 5),
};
console.log(JSON.stringify(result));
process.exit(heapBack && keysBack && errors.length === 0 ? 0 : 1);
