// RDS-like database classes and their timings.
// Prices: us-east-1 MySQL single-AZ on-demand per hour; a Multi-AZ deployment runs a standby and costs double.
// Engine price differences (PostgreSQL is a few percent dearer) are ignored: one price per class.

import { figure, type Figure } from './figure.ts';

export interface DatabaseClassEntry {
  vCpus: Figure;
  memoryGiB: Figure;
  hourlyUsd: Figure;
  capacityQps: Figure;
  baseQueryMs: Figure;
}

// Game balance: query throughput depends on the schema and the queries; the game assumes simple indexed
// queries at ~1,000 per usable vCPU per second (burstable db.t3 held near their credit baseline).
function databaseClass(
  vCpus: number,
  memoryGiB: number,
  hourlyUsd: number,
  capacityQps: number,
  baseQueryMs: number,
): DatabaseClassEntry {
  return {
    vCpus: figure(vCpus, 'vCPU', 'Virtual CPUs of this database class, as AWS lists them.'),
    memoryGiB: figure(memoryGiB, 'GiB', 'Memory of this database class, as AWS lists it.'),
    hourlyUsd: figure(
      hourlyUsd,
      'USD/hour',
      'On-demand single-AZ price in us-east-1 (doubled for Multi-AZ, times the region price factor), billed while the database exists.',
    ),
    capacityQps: figure(
      capacityQps,
      'queries/s',
      'Queries per second the database answers at 100% CPU (a game figure: ~1,000 simple indexed queries per usable vCPU).',
    ),
    baseQueryMs: figure(
      baseQueryMs,
      'ms',
      'Time to answer one query on an idle database; it grows with utilisation along the queueing curve.',
    ),
  };
}

export const databaseClasses: Record<string, DatabaseClassEntry> = {
  'db.t3.micro': databaseClass(2, 1, 0.017, 150, 3),
  'db.t3.small': databaseClass(2, 2, 0.034, 300, 3),
  'db.t3.medium': databaseClass(2, 4, 0.068, 600, 3),
  'db.t3.large': databaseClass(2, 8, 0.136, 900, 3),
  'db.m5.large': databaseClass(2, 8, 0.171, 1500, 2),
  'db.m6g.large': databaseClass(2, 8, 0.152, 1600, 2),
  'db.r6g.large': databaseClass(2, 16, 0.215, 2000, 2),
  'db.r6g.xlarge': databaseClass(4, 32, 0.43, 4000, 2),
  'db.r6g.2xlarge': databaseClass(8, 64, 0.86, 8000, 2),
  // Previous-generation burstable classes real templates still name: vCPUs and memory as RDS lists them,
  // prices from AWS's RDS for MySQL On-Demand pricing page (us-east-1, single-AZ). Capacity at the credit
  // baseline: db.t2.micro 10% of 1 vCPU, db.t2.small 20% of 1 vCPU, db.t2.medium 40% over 2 vCPU.
  'db.t2.micro': databaseClass(1, 1, 0.017, 75, 3),
  'db.t2.small': databaseClass(1, 2, 0.034, 150, 3),
  'db.t2.medium': databaseClass(2, 4, 0.068, 300, 3),
};

export const database = {
  multiAzPriceFactor: figure(
    2,
    '×',
    'A Multi-AZ deployment runs a synchronous standby in a second AZ, so it costs twice the single-AZ price.',
  ),
  storageGbMonthUsd: figure(
    0.115,
    'USD/GB-month',
    'General-purpose SSD storage per GB-month (doubled for Multi-AZ), billed by the hour.',
  ),
  // A snapshot is billed at RDS's backup storage price; AWS's backup storage is free up to a live DB's size, but
  // not once the DB is deleted, which is when CloudFormation's Snapshot policy leaves one.
  snapshotGbMonthUsd: figure(
    0.095,
    'USD/GB-month',
    "A DB snapshot that outlives its database (DeletionPolicy: Snapshot, RDS's default) is billed at RDS backup storage's price per GB-month of the database's allocated storage, billed by the hour until it is deleted. Simplified: a real snapshot holds only the blocks in use.",
  ),
  failoverS: figure(
    60,
    's',
    'Time a Multi-AZ database is unavailable while it fails over to its standby (AWS quotes 60–120 s).',
  ),
  // Game balance: a real class change on a single-AZ instance takes 5–15 minutes of downtime; 5 minutes keeps
  // the lesson (scaling up means a restart) without dominating a two-hour scenario.
  classChangeRestartS: figure(
    300,
    's',
    'Downtime of a single-AZ database while it restarts on a new instance class (Multi-AZ: only the failover time).',
  ),
  rebootS: figure(90, 's', 'Time a database is unavailable while it reboots.'),
  // Game balance: AWS takes roughly 5 to 20 minutes to create a DB instance (longer for Multi-AZ and for large
  // storage); a fixed 10 minutes keeps runs comparable.
  creationS: figure(
    600,
    's',
    'Time from creating a database (new, or replaced by a stack update) until it is available; a replaced database starts empty, as a new physical database does.',
  ),
  promoteReplicaS: figure(
    120,
    's',
    'Time for a read replica to stop replicating and come back as a standalone writable database.',
  ),
  // Game balance: real host replacement varies from minutes to much longer; a fixed figure keeps runs comparable.
  singleAzRecoveryS: figure(
    900,
    's',
    'Time a single-AZ database needs to recover on a new host after its primary fails (no standby to fail over to).',
  ),
  maxReadReplicas: figure(5, 'replicas', 'Read replicas the game accepts per source database (AWS allows up to 15).'),
  readQueriesPerRequest: figure(
    3,
    'queries',
    'Database queries one dynamic read request makes; they go to a read replica in the same region if there is one, else to the primary.',
  ),
  writeQueriesPerRequest: figure(
    2,
    'queries',
    'Database queries one write request makes; writes always go to the primary.',
  ),
};
