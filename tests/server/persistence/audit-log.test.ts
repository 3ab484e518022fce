import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import type { TrailEvent } from '../../../shared/trail/event.ts';
import { queryTrail, type TrailQuery } from '../../../shared/trail/query.ts';
import {
  appendAuditEvents,
  auditLogTail,
  queryAuditLog,
  readAuditLog,
} from '../../../server/persistence/queries/audit-log.ts';
import { describeOnBothDatabases } from './backends.ts';

const T0 = Date.UTC(2026, 10, 27, 9, 0, 0);

/** A match's worth of varied events: two players, the scenario and the system; both outcomes; optional fields
 * present and absent. Deterministic. */
function events(count: number): TrailEvent[] {
  const principals: TrailEvent['principal'][] = [
    { type: 'IAMUser', name: 'ada', arn: 'arn:aws:iam::000000000001:user/ada' },
    { type: 'IAMUser', name: 'Grace' },
    { type: 'Scenario', name: 'scenario' },
    { type: 'System', name: 'five-nines' },
  ];
  const actions = [
    ['ec2.amazonaws.com', 'RunInstances'],
    ['autoscaling.amazonaws.com', 'UpdateAutoScalingGroup'],
    ['rds.amazonaws.com', 'RebootDBInstance'],
    ['elasticloadbalancing.amazonaws.com', 'CreateLoadBalancer'],
  ] as const;
  return Array.from({ length: count }, (_, seq) => {
    const [eventSource, eventName] = actions[seq % actions.length]!;
    const failed = seq % 5 === 3;
    const event: TrailEvent = {
      seq,
      simS: seq * 7.5,
      wallMs: T0 + seq * 1000,
      team: seq % 3 === 0 ? null : `team-${seq % 3}`,
      principal: principals[seq % principals.length]!,
      eventSource,
      eventName,
      params: { n: seq, zone: 'us-east-1a', nested: { list: [1, 'two', null] } },
      outcome: failed ? 'Failure' : 'Success',
    };
    if (seq % 2 === 0) event.resource = `stack/Web${seq % 4}`;
    if (failed) {
      event.errorCode = 'AccessDenied';
      event.errorMessage = `not allowed #${seq}`;
    }
    return event;
  });
}

describeOnBothDatabases('the audit log', (db) => {
  const match = (): string => `room-${randomBytes(4).toString('hex')}`;

  it('stores a batch in one go and gives the events back as they were', async () => {
    const id = match();
    const all = events(40);
    expect(await appendAuditEvents(db(), id, all)).toBe(40);
    expect(await readAuditLog(db(), id)).toEqual(all);
    expect(await auditLogTail(db(), id)).toEqual({ count: 40, lastSeq: 39 });
  });

  it('writes nothing twice when a batch is retried or overlaps the last one', async () => {
    const id = match();
    const all = events(30);
    expect(await appendAuditEvents(db(), id, all.slice(0, 20))).toBe(20);
    expect(await appendAuditEvents(db(), id, all.slice(10, 30))).toBe(10);
    expect(await appendAuditEvents(db(), id, all.slice(10, 30))).toBe(0);
    expect(await readAuditLog(db(), id)).toEqual(all);
    expect(await readAuditLog(db(), id, { afterSeq: 25 })).toEqual(all.slice(26));
    expect(await readAuditLog(db(), id, { limit: 3 })).toEqual(all.slice(0, 3));
  });

  it('keeps matches apart', async () => {
    const [a, b] = [match(), match()];
    await appendAuditEvents(db(), a, events(5));
    await appendAuditEvents(db(), b, events(3));
    expect(await readAuditLog(db(), a)).toHaveLength(5);
    expect(await queryAuditLog(db(), b)).toHaveLength(3);
  });

  it('filters as the in-game console does on its live log', async () => {
    const id = match();
    const all = events(120);
    await appendAuditEvents(db(), id, all);
    const queries: TrailQuery[] = [
      {},
      { principal: 'ADA' },
      { principal: 'user/ada' },
      { principal: 'race' },
      { action: 'scaling' },
      { action: 'ec2:Run' },
      { action: 'rds:' },
      { resource: 'web2' },
      { resource: 'stack/' },
      { outcome: 'Failure' },
      { outcome: 'Success', principal: 'five' },
      { team: 'team-1' },
      { fromS: 100, toS: 300 },
      { before: 50, limit: 7 },
      { action: 'Instance', outcome: 'Failure', team: 'team-2' },
      { limit: 500 },
      { principal: 'nobody' },
    ];
    for (const q of queries) {
      expect(await queryAuditLog(db(), id, q), JSON.stringify(q)).toEqual(queryTrail(all, q));
    }
  });

  it('matches exactly, by the indexes, when asked to', async () => {
    const id = match();
    const all = events(40);
    await appendAuditEvents(db(), id, all);
    const exact = async (q: TrailQuery): Promise<number[]> =>
      (await queryAuditLog(db(), id, { ...q, exact: true })).map((e) => e.seq);
    expect(await exact({ principal: 'ada' })).toEqual(all.filter((e) => e.principal.name === 'ada').map((e) => e.seq).reverse());
    expect(await exact({ principal: 'ADA' })).toEqual([]);
    expect(await exact({ action: 'rds:RebootDBInstance' })).toEqual(
      all.filter((e) => e.eventName === 'RebootDBInstance').map((e) => e.seq).reverse(),
    );
    expect(await exact({ resource: 'stack/Web2', outcome: 'Success' })).toEqual(
      all.filter((e) => e.resource === 'stack/Web2' && e.outcome === 'Success').map((e) => e.seq).reverse(),
    );
  });

  it('has an index for each filter', async () => {
    const indexes = await db().query<{ name: string }>(
      `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'audit_log' AND schemaname = current_schema()`,
    );
    expect(indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining([
        'audit_log_by_principal',
        'audit_log_by_action',
        'audit_log_by_resource',
        'audit_log_by_outcome',
      ]),
    );
  });

  it('answers nothing, without an error, for an unknown or malformed match id', async () => {
    expect(await queryAuditLog(db(), 'no-such-match')).toEqual([]);
    expect(await queryAuditLog(db(), '')).toEqual([]);
    expect(await readAuditLog(db(), 'x'.repeat(1000))).toEqual([]);
    expect(await auditLogTail(db(), 'no-such-match')).toEqual({ count: 0, lastSeq: -1 });
    expect(await appendAuditEvents(db(), 'no-such-match', [])).toBe(0);
  });

  it('writes a batch of thousands in one statement', async () => {
    const id = match();
    const many = events(3000);
    const started = performance.now();
    expect(await appendAuditEvents(db(), id, many)).toBe(3000);
    const elapsed = performance.now() - started;
    expect(await auditLogTail(db(), id)).toEqual({ count: 3000, lastSeq: 2999 });
    console.log(`audit log: 3,000 events written in ${Math.round(elapsed)} ms on ${db().kind}`);
  });
});
