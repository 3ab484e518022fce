// `npm run loadtest -- --rooms R --clients C --seconds S [--endpoint ws://127.0.0.1:PORT] [--speed N]`
// Bots join R rooms of C players each (all of a room's joins fired at once), build and play for S seconds,
// then one JSON line reports: join latency p50/p95, intent round trip p50/p95/p99, the server's event-loop
// delay p99, CPU and RSS, bytes per second per client, the join snapshot's size, and errors.
// Loopback only, bounded in count and time; without --endpoint it starts its own server. `--flow-log`: the host
// creates a VPC flow log once the clock runs and every bot keeps its flow logs console open (a page of records asked
// for every 3 s, a simulated minute at normal speed): the pages count in the bytes per client.
// First: the wire meter must be in place before the SDK loads.
import { resetPlayBytes, wireCounts } from './load/wire-meter.ts';
import { parseArgs } from 'node:util';
import { Bot } from './load/bot.ts';
import { serverMetrics as metrics, startOwnServer, untilDatabaseReady } from './load/own-server.ts';

const { values } = parseArgs({
  options: {
    rooms: { type: 'string', default: '2' },
    clients: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '20' },
    endpoint: { type: 'string' },
    speed: { type: 'string', default: '1' },
    pause: { type: 'string', default: '2000' },
    'flow-log': { type: 'boolean', default: false },
    /** Each room's host saves a CloudWatch dashboard (graphs, a number, alarm status) before the clock starts. */
    dashboard: { type: 'boolean', default: false },
  },
});
const rooms = Number(values.rooms);
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const speed = Number(values.speed);
function bounded(name: string, v: number, max: number): void {
  if (!Number.isInteger(v) || v < 1 || v > max) {
    console.error(`--${name} must be a whole number from 1 to ${max}`);
    process.exit(2);
  }
}
bounded('rooms', rooms, 60);
bounded('clients', clients, 60);
bounded('seconds', seconds, 900);
bounded('speed', speed, 8);

function loopbackOnly(endpoint: string): string {
  const url = new URL(endpoint.replace(/^ws/, 'http'));
  if (!['localhost', '127.0.0.1', '[::1]', '::1'].includes(url.hostname) && !url.hostname.startsWith('127.')) {
    console.error('the load harness only targets this machine (loopback addresses)');
    process.exit(2);
  }
  return url.origin;
}

const percentile = (xs: number[], q: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10;
};

/** A VPC flow log on the example design's VPC, all traffic, one-minute aggregation, to CloudWatch Logs. */
const FLOW_LOG = {
  type: 'createResource',
  stack: 'web',
  kind: 'flowLog',
  logicalId: 'LoadTestFlowLog',
  props: { resourceType: 'VPC', resource: 'web/Vpc', trafficType: 'ALL', destinationType: 'cloud-watch-logs', logGroupName: 'vpc-flow', aggregationS: 60 },
};

/** The dashboard --dashboard saves on the alb-asg-multi-az design: four metrics graphed, two as numbers, its alarms. */
const DASHBOARD = {
  type: 'createResource',
  stack: 'web',
  kind: 'dashboard',
  logicalId: 'OpsDashboard',
  props: {
    name: 'ops',
    widgets: [
      { type: 'metric', x: 0, y: 0, width: 12, height: 6, view: 'timeSeries', title: 'Requests and 5XX', stat: 'Sum', period: 60 },
      { type: 'metric', x: 12, y: 0, width: 12, height: 6, view: 'timeSeries', title: 'CPU', stat: 'Average', period: 60 },
      { type: 'metric', x: 0, y: 6, width: 6, height: 3, view: 'singleValue', title: 'Healthy hosts' },
      { type: 'alarm', x: 6, y: 6, width: 6, height: 6, title: 'Alarms' },
    ],
    metrics: [
      { widget: 0, namespace: 'AWS/ApplicationELB', metric: 'RequestCount', dimensions: [{ name: 'LoadBalancer' }], subject: 'web/LoadBalancer' },
      { widget: 0, namespace: 'AWS/ApplicationELB', metric: 'HTTPCode_Target_5XX_Count', dimensions: [{ name: 'LoadBalancer' }], subject: 'web/LoadBalancer' },
      { widget: 1, namespace: 'AWS/EC2', metric: 'CPUUtilization', dimensions: [{ name: 'AutoScalingGroupName' }], subject: 'web/WebServerGroup' },
      { widget: 1, namespace: 'AWS/RDS', metric: 'CPUUtilization', dimensions: [{ name: 'DBInstanceIdentifier' }], subject: 'web/Database' },
      { widget: 2, namespace: 'AWS/ApplicationELB', metric: 'HealthyHostCount', dimensions: [{ name: 'LoadBalancer' }], subject: 'web/LoadBalancer' },
      { widget: 2, namespace: 'AWS/Billing', metric: 'EstimatedCharges', dimensions: [{ name: 'Currency', value: 'USD' }] },
    ],
    alarms: [{ widget: 3, alarm: 'web/CpuHighAlarm' }, { widget: 3, alarm: 'web/CpuLowAlarm' }],
  },
};

const server = values.endpoint ? { url: loopbackOnly(values.endpoint), stop: async () => undefined } : await startOwnServer();
await untilDatabaseReady(server.url);
const bots: Bot[] = [];
const hosts: Bot[] = [];
const errors: string[] = [];

// Rooms are created one after another; each room's players then join in the same instant.
for (let r = 0; r < rooms; r++) {
  const host = new Bot(server.url, `Host${r}`);
  try {
    const code = await host.create({ mode: 'team', scenario: 'az-outage', design: 'alb-asg-multi-az' });
    hosts.push(host);
    bots.push(host);
    const guests = Array.from({ length: clients - 1 }, (_, i) => new Bot(server.url, `P${r}-${i}`));
    await Promise.all(guests.map((g) => g.join(code)));
    bots.push(...guests);
    if (values.dashboard) host.send(DASHBOARD);
    host.send({ type: 'clock', command: 'start' });
    if (speed > 1) host.send({ type: 'speed', speed });
    if (values['flow-log']) host.send(FLOW_LOG);
  } catch (error) {
    errors.push(`create: ${(error as Error).message}`);
  }
}

const before = await metrics(server.url, { reset: true });
const harnessBefore = process.cpuUsage();
resetPlayBytes();
const started = Date.now();
const until = started + seconds * 1000;
await Promise.all([
  ...bots.map((b, i) => new Promise((r) => setTimeout(r, (i * 97) % Number(values.pause))).then(() => b.play('us-east-1', until, Number(values.pause)))),
  ...(values['flow-log'] ? bots.map((b) => b.watchFlowLog('web/LoadTestFlowLog', until, 3000)) : []),
]);
const wallS = (Date.now() - started) / 1000;
const after = await metrics(server.url);
const harnessCpu = process.cpuUsage(harnessBefore);
const counts = wireCounts();
await Promise.all(bots.map((b) => b.stop()));
await server.stop();

const joins = bots.map((b) => b.stats.joinMs).filter((x): x is number => x !== undefined);
const trips = bots.flatMap((b) => b.stats.roundTripsMs);
const allErrors = [...errors, ...bots.flatMap((b) => b.stats.errors)];
const result = {
  rooms,
  flowLog: values['flow-log'],
  dashboard: values.dashboard,
  flowPages: bots.reduce((n, b) => n + b.stats.flowPages, 0),
  clientsPerRoom: clients,
  clients: bots.length,
  seconds: Math.round(wallS),
  joinMsP50: percentile(joins, 0.5),
  joinMsP95: percentile(joins, 0.95),
  joinMsMax: percentile(joins, 1),
  intentRoundTripMsP50: percentile(trips, 0.5),
  intentRoundTripMsP95: percentile(trips, 0.95),
  intentRoundTripMsP99: percentile(trips, 0.99),
  intents: trips.length,
  serverEventLoopDelayP99Ms: Math.round(after.eventLoopDelayP99Ms * 10) / 10,
  serverCpuPercent: Math.round(((after.cpuMicros - before.cpuMicros) / 1e6 / wallS) * 1000) / 10,
  serverRssMb: Math.round(after.rssBytes / 1e6),
  // The bots share the machine: when this is high, the harness (not the server) limited the figures.
  harnessCpuPercent: Math.round(((harnessCpu.user + harnessCpu.system) / 1e6 / wallS) * 1000) / 10,
  bytesPerSecondPerClient: Math.round(counts.reduce((n, c) => n + c.playBytes, 0) / Math.max(1, counts.length) / wallS),
  joinSnapshotBytesP50: percentile(counts.map((c) => c.snapshotBytes), 0.5),
  joinSnapshotBytesMax: percentile(counts.map((c) => c.snapshotBytes), 1),
  errors: allErrors.length,
  errorSamples: [...new Set(allErrors)].slice(0, 5),
};
console.log(JSON.stringify(result));
process.exit(0);
