// VPC flow logs: the figures that turn the simulation's connections into flow log records (shared/sim/flow-records.ts)
// and what their delivery costs (shared/sim/log-billing.ts bills it).

import { figure } from './figure.ts';

const RECORDS_PAGE =
  'AWS, "Flow log records" (https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html): "each record captures a network ' +
  'internet protocol (IP) traffic flow (characterized by a 5-tuple on a per network interface basis) that occurs within an aggregation interval"; ' +
  'the default format is "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status".';

export const flowLogs = {
  recordVersion: figure(2, 'version', `Default-format records are version 2. ${RECORDS_PAGE}`),
  requestPackets: figure(
    12,
    'packets',
    'Packets one HTTP request and its response carry between two interfaces (handshake, request, a ~10 KB answer in ~1,448-byte segments, acknowledgements, close): game figure. ' +
      RECORDS_PAGE,
  ),
  requestOverheadBytes: figure(
    1200,
    'bytes',
    'Bytes of one request, headers and TCP/IP overhead on top of its response (catalogue.requests readResponseKb): game figure; flow log bytes count whole IP packets.',
  ),
  healthCheckPackets: figure(8, 'packets', 'Packets of one accepted health check (handshake, GET, short answer, close): game figure.'),
  healthCheckBytes: figure(700, 'bytes', 'Bytes of one accepted health check: game figure.'),
  rejectedSynBytes: figure(
    60,
    'bytes',
    'A connection a security group or network ACL drops is one TCP SYN (60 bytes) per attempt, recorded as REJECT: security groups and ACLs drop the packet and never answer. ' +
      RECORDS_PAGE,
  ),
  queryPackets: figure(6, 'packets', 'Packets one database query and its answer carry (about 4 KB, catalogue.requests queryKb): game figure.'),
  cloudWatchLogsPerGbUsd: figure(
    0.5,
    'USD/GB',
    'Flow logs are vended logs: delivered to CloudWatch Logs they cost $0.50 per GB ingested (first 10 TB a month, us-east-1), to S3 $0.25 per GB (Amazon CloudWatch pricing, "Vended Logs"). ' +
      'AWS bills this delivery under CloudWatch, and so does Cost Explorer here. The game bills each aggregation interval\'s records (their default-format lines) when the interval closes, and what a log group ' +
      'then holds at CloudWatch Logs storage prices (catalogue.cloudWatchLogs). A run of hours produces megabytes of records: cents at most.',
  ),
  s3PerGbUsd: figure(
    0.25,
    'USD/GB',
    'Flow logs delivered to S3: $0.25 per GB (vended logs, first 10 TB a month, us-east-1), billed under CloudWatch. The objects the bucket then keeps are billed by S3 at its storage prices, which the game leaves out (a few megabytes).',
  ),
  defaultAggregationS: figure(600, 's', 'MaxAggregationInterval: 600 s by default, 60 s on request. ' + RECORDS_PAGE),
};
