// Filtering flow log records as a console does: by action, by an address on either side, by port on either side,
// by interface. Pure; the order of the records is kept.

import type { FlowAction, FlowRecord } from './flow-records.ts';

export interface FlowRecordFilter {
  action?: FlowAction;
  /** Matches srcaddr or dstaddr. */
  address?: string;
  /** Matches srcport or dstport. */
  port?: number;
  interfaceId?: string;
}

export function filterFlowRecords(records: readonly FlowRecord[], f: FlowRecordFilter): FlowRecord[] {
  return records.filter(
    (r) =>
      (f.action === undefined || r.action === f.action) &&
      (f.address === undefined || r.srcaddr === f.address || r.dstaddr === f.address) &&
      (f.port === undefined || r.srcport === f.port || r.dstport === f.port) &&
      (f.interfaceId === undefined || r.interfaceId === f.interfaceId),
  );
}
