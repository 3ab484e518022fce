import { describe, expect, it } from 'vitest';
import { trailEventSchema, type TrailEvent } from '../../../shared/trail/event.ts';
import { exportTrail, queryTrail, trailQuerySchema } from '../../../shared/trail/query.ts';

function event(seq: number, over: Partial<TrailEvent> = {}): TrailEvent {
  return {
    seq,
    simS: seq * 5,
    wallMs: 1_700_000_000_000 + seq,
    team: 'red',
    principal: { type: 'IAMUser', name: 'ana', arn: 'arn:aws:iam::123456789012:user/ana' },
    eventSource: 'ec2.amazonaws.com',
    eventName: 'RunInstances',
    resource: 'web/Web1',
    params: {},
    outcome: 'Success',
    ...over,
  };
}

const log: TrailEvent[] = [
  event(0),
  event(1, { principal: { type: 'Root', name: 'root' }, eventSource: 'autoscaling.amazonaws.com', eventName: 'UpdateAutoScalingGroup', resource: 'web/Asg' }),
  event(2, { outcome: 'Failure', errorCode: 'AccessDenied', errorMessage: 'not authorized' }),
  event(3, { principal: { type: 'System', name: 'five-nines' }, eventSource: 'autoscaling.amazonaws.com', eventName: 'Launch', team: 'blue' }),
];

describe('CloudTrail queries', () => {
  it('returns newest first and filters by principal, action, resource, outcome and team', () => {
    expect(queryTrail(log, {}).map((e) => e.seq)).toEqual([3, 2, 1, 0]);
    expect(queryTrail(log, { principal: 'ANA' }).map((e) => e.seq)).toEqual([2, 0]);
    expect(queryTrail(log, { action: 'autoscaling:' }).map((e) => e.seq)).toEqual([3, 1]);
    expect(queryTrail(log, { action: 'runinst' }).map((e) => e.seq)).toEqual([2, 0]);
    expect(queryTrail(log, { resource: 'Asg' }).map((e) => e.seq)).toEqual([1]);
    expect(queryTrail(log, { outcome: 'Failure' }).map((e) => e.seq)).toEqual([2]);
    expect(queryTrail(log, { team: 'blue' }).map((e) => e.seq)).toEqual([3]);
    expect(queryTrail(log, { fromS: 5, toS: 10 }).map((e) => e.seq)).toEqual([2, 1]);
  });

  it('pages back from a sequence number, at most the limit at a time', () => {
    expect(queryTrail(log, { limit: 2 }).map((e) => e.seq)).toEqual([3, 2]);
    expect(queryTrail(log, { limit: 2, before: 2 }).map((e) => e.seq)).toEqual([1, 0]);
  });

  it('checks the shape of a query from a client', () => {
    expect(trailQuerySchema.safeParse({ principal: 'ana', limit: 10 }).success).toBe(true);
    expect(trailQuerySchema.safeParse({ limit: 100_000 }).success).toBe(false);
    expect(trailQuerySchema.safeParse({ sql: 'drop table' }).success).toBe(false);
  });

  it('exports as CloudTrail does, { Records: [...] }, with events that read back valid', () => {
    const exported = JSON.parse(exportTrail(log)) as { Records: unknown[] };
    expect(exported.Records).toHaveLength(4);
    for (const record of exported.Records) expect(trailEventSchema.safeParse(record).success).toBe(true);
  });
});
