// What CloudWatch Logs charges for the logs the board writes: the application's log (catalogue/app-logs.ts) and
// flow logs delivered to a log group (catalogue/flow-logs.ts prices their delivery). Amazon CloudWatch pricing,
// us-east-1, Standard log class; shared/sim/log-billing.ts charges them every step.

import { figure } from './figure.ts';

const PRICING = 'Amazon CloudWatch pricing (https://aws.amazon.com/cloudwatch/pricing/), "Logs", Standard log class, us-east-1';

export const cloudWatchLogs = {
  ingestionPerGbUsd: figure(
    0.5,
    'USD/GB',
    `Collecting (ingesting) log data costs $0.50 per GB (${PRICING}). The 5 GB a month of the free tier are left out: ` +
      'the game bills every byte, as for an account that already uses its allowance.',
  ),
  eventOverheadBytes: figure(
    26,
    'bytes',
    'Each log event counts its message in UTF-8 plus 26 bytes (CloudWatch Logs API Reference, PutLogEvents: "the sum of all ' +
      'event messages in UTF-8, plus 26 bytes for each log event"); the game bills ingestion on that size.',
  ),
  storagePerGbMonthUsd: figure(
    0.03,
    'USD/GB-month',
    `Storing (archiving) log data costs $0.03 per GB-month (${PRICING}), billed on the compressed size. The game bills what ` +
      'a log group holds for the time it holds it (GB × hours ÷ 730), from the moment it arrives. Nothing expires within a ' +
      "run: a run lasts hours and a log group's shortest retention is a day.",
  ),
  compressedShare: figure(
    0.15,
    'share',
    'The compressed size of stored log data as a share of its ingested size: game figure (CloudWatch Logs stores events ' +
      'compressed; lines that repeat as much as an application log or flow log records compress to about a seventh).',
  ),
};
