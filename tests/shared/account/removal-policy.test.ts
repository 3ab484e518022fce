import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../shared/design/model.ts';
import { deletionPolicyOf, losesData, outcomeOf, updateReplacePolicyOf } from '../../../shared/account/removal-policy.ts';

const db = (extra: Partial<Resource> = {}, source?: number): Resource =>
  ({ id: 0, stack: 0, logicalId: 'Db', kind: 'database', props: { engine: 'postgres', instanceClass: 'db.t3.micro', multiAz: false, storageGb: 20, ...(source === undefined ? {} : { source }) }, ...extra }) as Resource;
const bucket = (attributes?: Record<string, unknown>): Resource => ({ id: 0, stack: 0, logicalId: 'B', kind: 'bucket', props: { websiteHosting: false }, ...(attributes ? { attributes } : {}) }) as Resource;

describe("CloudFormation's removal policies", () => {
  it('defaults to Delete, and to Snapshot for an RDS DB instance outside a cluster', () => {
    expect(deletionPolicyOf(bucket())).toBe('Delete');
    expect(deletionPolicyOf(db())).toBe('Snapshot');
    expect(deletionPolicyOf(db({ unmodelled: { DBClusterIdentifier: 'c' } }))).toBe('Delete');
    expect(updateReplacePolicyOf(db())).toBe('Delete');
  });

  it('reads the template attributes, and ignores what is not a policy', () => {
    expect(deletionPolicyOf(bucket({ DeletionPolicy: 'Retain' }))).toBe('Retain');
    expect(deletionPolicyOf(bucket({ DeletionPolicy: 'Keep' }))).toBe('Delete');
    expect(updateReplacePolicyOf(bucket({ UpdateReplacePolicy: 'Snapshot' }))).toBe('Snapshot');
  });

  it('retains under Retain and RetainExceptOnCreate; snapshots only a primary database; says when data are lost', () => {
    expect(outcomeOf(bucket(), 'RetainExceptOnCreate')).toBe('retain');
    expect(outcomeOf(bucket(), 'Snapshot')).toBe('delete');
    expect(outcomeOf(db(), 'Snapshot')).toBe('snapshot');
    expect(outcomeOf(db({}, 1), 'Snapshot')).toBe('delete');
    expect(losesData(db(), 'delete')).toBe(true);
    expect(losesData(db({}, 1), 'delete')).toBe(false);
    expect(losesData(db(), 'snapshot')).toBe(false);
  });
});
