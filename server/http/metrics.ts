// Process figures for operators and the load harness: memory, CPU time, event-loop delay, rooms and clients.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { services } from '../services.ts';

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

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
}

export function readMetrics(reset: boolean): ProcessMetrics {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  let clients = 0;
  for (const room of services.rooms) clients += room.clients.length;
  const rooms = services.rooms.size;
  const metrics = {
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    cpuMicros: cpu.user + cpu.system,
    eventLoopDelayP50Ms: loopDelay.percentile(50) / 1e6,
    eventLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    eventLoopDelayMaxMs: loopDelay.max / 1e6,
    rooms,
    clients,
    database: services.store?.status() ?? 'none',
  };
  if (reset) loopDelay.reset();
  return metrics;
}
