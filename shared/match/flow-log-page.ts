// One page of a flow log's records for the VPC console: the log's records for the current capture window
// (shared/sim/flow-records.ts), filtered by the console's fields (shared/sim/flow-record-filter.ts), and what
// delivering the window's records costs (shared/sim/flow-log-cost.ts). Read-only: the world is not changed.
import { findByRef } from '../design/edits.ts';
import { FLOW_RECORDS_PAGE, flowRecordsRequestSchema, type FlowRecordsAnswer } from '../protocol/flow-records.ts';
import { refusal } from '../protocol/refusals.ts';
import { filterFlowRecords } from '../sim/flow-record-filter.ts';
import { flowLogDeliveryUsd, flowRecordBytes } from '../sim/flow-log-cost.ts';
import { flowRecords } from '../sim/flow-records.ts';
import type { World } from '../sim/world.ts';

export function flowRecordsPage(world: World, payload: unknown): FlowRecordsAnswer {
  const parsed = flowRecordsRequestSchema.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, refusal: refusal('malformed', issue ? `${issue.path.join('.')}: ${issue.message}` : undefined) };
  }
  const q = parsed.data;
  const log = findByRef(world.design, q.flowLog);
  if (!log || world.state.removed[log.id] === 1) return { ok: false, refusal: refusal('unknown-resource', q.flowLog) };
  if (log.kind !== 'flowLog') return { ok: false, refusal: refusal('unknown-resource', `${q.flowLog} is not a flow log`) };
  const all = flowRecords(world, log.id);
  const matched = filterFlowRecords(all, {
    ...(q.action ? { action: q.action } : {}),
    ...(q.address ? { address: q.address } : {}),
    ...(q.port !== undefined ? { port: q.port } : {}),
  });
  return {
    ok: true,
    records: matched.slice(0, q.limit ?? FLOW_RECORDS_PAGE),
    matched: matched.length,
    total: all.length,
    destinationType: log.props.destinationType,
    deliveredBytes: flowRecordBytes(all),
    deliveryUsd: flowLogDeliveryUsd(all, log.props.destinationType),
  };
}
