// The `flowRecords` request: the VPC console's flow log browser asks the room for one flow log's records, filtered
// as the console's fields say, as the CloudTrail console asks for trail pages. Records are computed on demand from
// the team's world (shared/sim/flow-records.ts) and never ride in the synced state. Checked here, at the edge.
import { z } from 'zod';
import type { FlowRecord } from '../sim/flow-records.ts';
import type { Refusal } from './refusals.ts';

export const flowRecordsRequestSchema = z.strictObject({
  /** The flow log, "stack/LogicalId". */
  flowLog: z.string().min(3).max(300).regex(/^[^/]+\/[A-Za-z0-9]+$/, 'a resource is named "stack/LogicalId"'),
  action: z.enum(['ACCEPT', 'REJECT']).optional(),
  /** Matches the source or the destination address. */
  address: z.string().min(1).max(64).optional(),
  /** Matches the source or the destination port. */
  port: z.number().int().min(0).max(65535).optional(),
  /** At most this many records are sent back (the first ones in the log's order). */
  limit: z.number().int().min(1).max(500).optional(),
});

export type FlowRecordsRequest = z.infer<typeof flowRecordsRequestSchema>;

/** What the console shows: the page of records, how many matched, and what the whole window's delivery costs. */
export interface FlowRecordsPage {
  records: FlowRecord[];
  /** Records the filter matched (the page may hold fewer). */
  matched: number;
  /** Every record of the capture window, before the filter. */
  total: number;
  destinationType: 'cloud-watch-logs' | 's3';
  /** Bytes and price of delivering the window's records (shared/sim/flow-log-cost.ts). */
  deliveredBytes: number;
  deliveryUsd: number;
}

export type FlowRecordsAnswer = ({ ok: true } & FlowRecordsPage) | { ok: false; refusal: Refusal };

/** How many records a page holds when the request names no limit. */
export const FLOW_RECORDS_PAGE = 100;
