// What delivering flow log records costs: vended logs are priced per GB delivered, $0.50 to CloudWatch Logs and
// $0.25 to S3 (catalogue.flowLogs). A record weighs its default-format line and a newline. Not on the bill yet:
// this prices a set of records for the console.

import { catalogue } from '../catalogue/index.ts';
import { flowRecordLine, type FlowRecord } from './flow-records.ts';

const GB = 1024 ** 3;

export function flowRecordBytes(records: readonly FlowRecord[]): number {
  let bytes = 0;
  for (const r of records) bytes += flowRecordLine(r).length + 1;
  return bytes;
}

export function flowLogDeliveryUsd(records: readonly FlowRecord[], destinationType: 'cloud-watch-logs' | 's3'): number {
  const perGb = destinationType === 's3' ? catalogue.flowLogs.s3PerGbUsd.value : catalogue.flowLogs.cloudWatchLogsPerGbUsd.value;
  return (flowRecordBytes(records) / GB) * perGb;
}
