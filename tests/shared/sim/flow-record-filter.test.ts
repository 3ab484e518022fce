// The flow log console's filter (action, address either side, port either side, interface) and the price of
// delivering records (vended logs: CloudWatch Logs twice S3's rate per GB).

import { describe, expect, it } from 'vitest';
import { filterFlowRecords } from '../../../shared/sim/flow-record-filter.ts';
import { flowLogDeliveryUsd, flowRecordBytes } from '../../../shared/sim/flow-log-cost.ts';
import { flowRecordLine, type FlowRecord } from '../../../shared/sim/flow-records.ts';

const rec = (over: Partial<FlowRecord>): FlowRecord => ({
  version: 2, accountId: '123456789012', interfaceId: 'eni-1', srcaddr: '10.0.16.1', dstaddr: '10.0.0.20', srcport: 40000, dstport: 80,
  protocol: 6, packets: 4, bytes: 240, start: 1_767_225_600, end: 1_767_225_660, action: 'ACCEPT', logStatus: 'OK', ...over,
});
const records = [
  rec({}),
  rec({ action: 'REJECT', interfaceId: 'eni-2', dstaddr: '10.0.0.21' }),
  rec({ srcaddr: '10.0.0.20', dstaddr: '10.0.32.1', srcport: 50000, dstport: 3306 }),
];

describe('filtering flow log records', () => {
  it('by action, address on either side, port on either side and interface, keeping their order', () => {
    expect(filterFlowRecords(records, { action: 'REJECT' })).toEqual([records[1]]);
    expect(filterFlowRecords(records, { address: '10.0.0.20' })).toEqual([records[0], records[2]]);
    expect(filterFlowRecords(records, { port: 3306 })).toEqual([records[2]]);
    expect(filterFlowRecords(records, { port: 40000 })).toEqual([records[0], records[1]]);
    expect(filterFlowRecords(records, { interfaceId: 'eni-2', action: 'ACCEPT' })).toEqual([]);
    expect(filterFlowRecords(records, {})).toEqual(records);
  });
});

describe('the price of delivered records', () => {
  it('weighs each default-format line and its newline; CloudWatch Logs costs twice S3 per GB', () => {
    const bytes = records.reduce((s, r) => s + flowRecordLine(r).length + 1, 0);
    expect(flowRecordBytes(records)).toBe(bytes);
    expect(flowLogDeliveryUsd(records, 'cloud-watch-logs')).toBeCloseTo((bytes / 1024 ** 3) * 0.5, 15);
    expect(flowLogDeliveryUsd(records, 's3')).toBeCloseTo((bytes / 1024 ** 3) * 0.25, 15);
  });
});

describe('flow logs in the API and IAM', () => {
  it("are created and deleted with EC2's CreateFlowLogs / DeleteFlowLogs; their ARN type is vpc-flow-log", async () => {
    const { arnPartsOf, createActionOf } = await import('../../../shared/match/api-calls.ts');
    const { IAM_ACTIONS } = await import('../../../shared/iam/actions.ts');
    expect(createActionOf('flowLog')).toBe('ec2:CreateFlowLogs');
    expect(arnPartsOf('flowLog')).toEqual({ service: 'ec2', type: 'vpc-flow-log' });
    const names = IAM_ACTIONS.map((a: { name?: string; action?: string }) => a.name ?? a.action);
    expect(names).toContain('ec2:DeleteFlowLogs');
  });
});
