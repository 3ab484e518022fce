// EC2 instance types and Auto Scaling timings.
// Prices: us-east-1 Linux on-demand, per hour. Capacities are game figures (see the note on capacityRps).

import { figure, type Figure } from './figure.ts';

export interface InstanceTypeEntry {
  vCpus: Figure;
  memoryGiB: Figure;
  hourlyUsd: Figure;
  capacityRps: Figure;
  baseLatencyMs: Figure;
}

// Game balance: real throughput depends entirely on the application. The game assumes a typical dynamic web
// page costs ~8 ms of one vCPU, so a fully usable vCPU serves ~125 requests/s; burstable t3 types are held to
// their CPU-credit baseline (t3.micro 10% ×2 vCPU, t3.small/medium 20% ×2 vCPU, t3.large 30% ×2 vCPU) plus a
// margin, because the game does not simulate CPU credits.
function instanceType(
  vCpus: number,
  memoryGiB: number,
  hourlyUsd: number,
  capacityRps: number,
  baseLatencyMs: number,
): InstanceTypeEntry {
  return {
    vCpus: figure(vCpus, 'vCPU', 'Virtual CPUs of this instance type, as AWS lists them.'),
    memoryGiB: figure(memoryGiB, 'GiB', 'Memory of this instance type, as AWS lists it.'),
    hourlyUsd: figure(
      hourlyUsd,
      'USD/hour',
      'On-demand Linux price in us-east-1, multiplied by the region price factor elsewhere, billed while the instance runs or boots.',
    ),
    capacityRps: figure(
      capacityRps,
      'requests/s',
      'Dynamic requests per second one instance serves at 100% CPU (a game figure: ~125 per usable vCPU; static requests cost half, writes one and a half).',
    ),
    baseLatencyMs: figure(
      baseLatencyMs,
      'ms',
      'Time to serve one request on an idle instance; it grows with utilisation along the queueing curve.',
    ),
  };
}

export const instanceTypes: Record<string, InstanceTypeEntry> = {
  't3.nano': instanceType(2, 0.5, 0.0052, 20, 22),
  't3.micro': instanceType(2, 1, 0.0104, 40, 20),
  't3.small': instanceType(2, 2, 0.0208, 70, 20),
  't3.medium': instanceType(2, 4, 0.0416, 90, 20),
  't3.large': instanceType(2, 8, 0.0832, 120, 18),
  'm5.large': instanceType(2, 8, 0.096, 250, 15),
  'm5.xlarge': instanceType(4, 16, 0.192, 500, 15),
  'm5.2xlarge': instanceType(8, 32, 0.384, 1000, 15),
  'c5.large': instanceType(2, 4, 0.085, 300, 12),
  'c5.xlarge': instanceType(4, 8, 0.17, 600, 12),
  'c5.2xlarge': instanceType(8, 16, 0.34, 1200, 12),
  'r5.large': instanceType(2, 16, 0.126, 230, 15),
  // Types real templates still name (measured on public templates, scripts/measure-templates.ts). vCPUs and
  // memory as AWS's instance type tables list them; prices from AWS's EC2 On-Demand pricing page, us-east-1
  // Linux (t1, m1 and m3 from its "previous generation" page). Capacities follow the rule above: burstable
  // types at their CPU-credit baseline plus a margin (t2.nano 5% of 1 vCPU, t2.micro 10%, t2.small 20%,
  // t2.medium 40% of 2 vCPU, t2.large 60% of 2 vCPU; t4g as t3), older generations a little slower per vCPU
  // (m4/r4 ~100 per vCPU, c4 ~125, m1/t1 far below), m7i a little faster (~150 per vCPU).
  't2.nano': instanceType(1, 0.5, 0.0058, 12, 22),
  't2.micro': instanceType(1, 1, 0.0116, 22, 22),
  't2.small': instanceType(1, 2, 0.023, 40, 22),
  't2.medium': instanceType(2, 4, 0.0464, 80, 20),
  't2.large': instanceType(2, 8, 0.0928, 110, 20),
  // t1.micro: 1 vCPU, 0.613 GiB, $0.02/h; CPU in short bursts only, so a few requests per second.
  't1.micro': instanceType(1, 0.613, 0.02, 8, 35),
  // m1.small: 1 vCPU (1 ECU), 1.7 GiB, $0.044/h.
  'm1.small': instanceType(1, 1.7, 0.044, 50, 30),
  // m3.medium: 1 vCPU, 3.75 GiB, $0.067/h.
  'm3.medium': instanceType(1, 3.75, 0.067, 90, 18),
  'm4.large': instanceType(2, 8, 0.1, 200, 16),
  'm4.xlarge': instanceType(4, 16, 0.2, 400, 16),
  'm4.2xlarge': instanceType(8, 32, 0.4, 800, 16),
  'c4.large': instanceType(2, 3.75, 0.1, 250, 13),
  'c4.xlarge': instanceType(4, 7.5, 0.199, 500, 13),
  'c4.2xlarge': instanceType(8, 15, 0.398, 1000, 13),
  'r4.large': instanceType(2, 15.25, 0.133, 200, 16),
  // Graviton burstable types: baselines as t3 (5%, 10%, 20% of 2 vCPU).
  't4g.nano': instanceType(2, 0.5, 0.0042, 20, 22),
  't4g.micro': instanceType(2, 1, 0.0084, 40, 20),
  't4g.small': instanceType(2, 2, 0.0168, 70, 20),
  'm7i.large': instanceType(2, 8, 0.1008, 300, 13),
  'm7i.xlarge': instanceType(4, 16, 0.2016, 600, 13),
};

export const ec2 = {
  bootS: figure(
    120,
    's',
    'Time from launch until a new instance has booted and started its application; it serves no traffic before that.',
  ),
  rebootS: figure(60, 's', 'Time an instance is unavailable while it reboots.'),
  // EC2 changes an instance's type, user data, kernel or RAM disk only while it is stopped, so CloudFormation
  // (and the console) stop it, change it and start it: the OS shuts down (typically under a minute), and the start
  // lands on a new host and boots the OS and the application as a launch does (bootS).
  stopStartS: figure(
    180,
    's',
    'Time an instance is unavailable while it is stopped and started again to change its type, user data or another attribute EC2 changes only on a stopped instance (about a minute to stop, then a boot).',
  ),
  // Amazon EC2 User Guide, "Automatic instance recovery" / CloudWatch User Guide, "Stop, terminate, reboot, or
  // recover an EC2 instance" (UsingAlarmActions): a recover action on an alarm on StatusCheckFailed_System moves
  // the instance to new hardware; a recovered instance is identical to the original (instance ID, private and
  // Elastic IP addresses, metadata), and is rebooted, losing in-memory data. AWS gives no fixed duration; the
  // game counts a reboot on the new host plus the application's start (bootS).
  recoverS: figure(
    120,
    's',
    'Time an instance is unavailable while an alarm\'s recover action moves it to new hardware after its system status check fails: it keeps its instance ID, addresses and data on EBS, and boots on the new host (CloudWatch "Stop, terminate, reboot, or recover an EC2 instance"). Recover answers only a system status check failure; an instance status check failure needs a reboot.',
  ),
  statusCheckS: figure(
    60,
    's',
    'Time for EC2 status checks to report a dead instance (what an Auto Scaling group with EC2 health checks waits for).',
  ),
  // Amazon EC2 Auto Scaling User Guide, "Set the health check grace period for an Auto Scaling group": 300 s by
  // default in the console, 0 (off) through the CLI or an SDK. The game's groups take the console's value.
  healthCheckGraceS: figure(
    300,
    's',
    'An Auto Scaling group with ELB health checks replaces an instance the load balancer calls unhealthy, but not before this long after ' +
      'its launch (the health check grace period; 300 s by default in the console, 0 through the API). So a health check on a path the ' +
      'application does not serve makes the group churn: every instance fails its check, is terminated after the grace period, and its ' +
      'replacement boots and fails in turn, losing capacity each time. With EC2 health checks the group replaces only instances EC2 ' +
      'reports dead. Game simplification: counted from launch, not from InService.',
  ),
  // Game balance: the real AWS quota is per region in vCPUs; a per-group cap keeps a runaway policy bounded.
  maxInstancesPerGroup: figure(
    200,
    'instances',
    'Largest maximum size the game accepts for one Auto Scaling group (a game cap standing in for the regional vCPU quota).',
  ),
};

export const autoScaling = {
  hourlyUsd: figure(0, 'USD/hour', 'Auto Scaling groups are free: you pay only for the instances they run.'),
  defaultCooldownS: figure(
    300,
    's',
    'Default cooldown: after a simple scaling activity the group ignores further alarms for this long.',
  ),
  targetTrackingHighPeriods: figure(
    3,
    'minutes',
    'Target tracking scales out after the metric stays above the target for this many one-minute periods.',
  ),
  targetTrackingLowPeriods: figure(
    15,
    'minutes',
    'Target tracking scales in only after the metric stays below 90% of the target for this many one-minute periods.',
  ),
  refreshMinHealthyPct: figure(
    90,
    '%',
    "A new launch template version (or launch configuration) applies only to instances the group launches afterwards: running ones keep the type they were launched with, and its capacity and price, until an instance refresh (or a CloudFormation rolling update) replaces them. A refresh's default minimum healthy percentage: at least this share of the desired capacity (rounded up) stays in service while old instances are terminated in batches. It always replaces at least one instance at a time, so a group of one has none in service while its instance is replaced (AWS's default maximum healthy percentage, 100%, terminates before it launches).",
  ),
  refreshWarmupS: figure(
    300,
    's',
    "An instance refresh's default instance warm-up (the group's health check grace period, 300 s in the console): a new instance counts as healthy for the refresh only this long after it is in service. In the game a refresh, like AWS's default, replaces every instance the group ran when it started; a CloudFormation rolling update's PauseTime is its wait after each batch is in service.",
  ),
};
