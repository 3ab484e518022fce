// Process figures for operators and the load harness: memory, CPU time, event-loop delay, rooms and clients.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Services } from '../services.ts';

const RESOLUTION_MS = 10;
const loopDelay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
loopDelay.enable();

/**
 * The histogram records the time between its timer's runs, which is the resolution plus the delay (an idle
 * loop reads ~10 ms at p50): how late the timer ran is that minus the resolution.
 */
const lateness = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);

export interface ProcessMetrics {
  rssBytes: number;
  heapUsedBytes: number;
  /** User + system CPU time since start, in microseconds (the harness turns two readings into a share). */
  cpuMicros: number;
  eventLoopDelayP50Ms: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  rooms: number;
  clients: number;
  database: 'opening' | 'ready' | 'none';
  /** Intents the rooms dropped over their rate limit since start (each flood's excess, counted, never queued). */
  droppedIntents: number;
}

export function readMetrics(services: Services, reset: boolean, collect = false): ProcessMetrics {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collect && gc) gc();
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  let clients = 0;
  for (const room of services.rooms) clients += room.clients.length;
  const rooms = services.rooms.size;
  const metrics = {
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    cpuMicros: cpu.user + cpu.system,
    eventLoopDelayP50Ms: lateness(loopDelay.percentile(50)),
    eventLoopDelayP99Ms: lateness(loopDelay.percentile(99)),
    eventLoopDelayMaxMs: lateness(loopDelay.max),
    rooms,
    clients,
    database: services.store?.status() ?? 'none',
    droppedIntents: services.droppedIntents,
  };
  if (reset) loopDelay.reset();
  return metrics;
}
