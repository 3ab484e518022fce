// What CloudFormation does with a physical resource its stack lets go of: the template's DeletionPolicy (the
// stack is deleted, or an update removes the resource from the template) and UpdateReplacePolicy (an update
// replaces it with a new physical resource, and this is the old one). AWS's rules, as its template reference
// writes them:
// - no DeletionPolicy: Delete, except AWS::RDS::DBCluster and an AWS::RDS::DBInstance without
//   DBClusterIdentifier, whose default is Snapshot; no UpdateReplacePolicy: Delete;
// - Retain keeps the resource, running and billed, outside any stack; RetainExceptOnCreate is Retain except for
//   the operation that created the resource, which in the game is a deploy that either completes or leaves
//   nothing behind, so it is Retain here;
// - Snapshot takes a snapshot that stays (billed) and deletes the resource, for the types that have snapshots:
//   in the game, a primary database (a read replica has no snapshot of its own: its data are its primary's).
//   Other types delete as with Delete.

import type { Resource } from '../design/model.ts';

export type RemovalPolicy = 'Delete' | 'Retain' | 'RetainExceptOnCreate' | 'Snapshot';

/** What happens to a physical resource a stack lets go of, once the policy and the resource's type are read. */
export type RemovalOutcome = 'delete' | 'retain' | 'snapshot';

const POLICIES: readonly RemovalPolicy[] = ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'];

function policyIn(attributes: Record<string, unknown> | undefined, name: 'DeletionPolicy' | 'UpdateReplacePolicy'): RemovalPolicy | undefined {
  const value = attributes?.[name];
  return typeof value === 'string' && (POLICIES as readonly string[]).includes(value) ? (value as RemovalPolicy) : undefined;
}

/** Whether a database is a member of an Aurora cluster (DBClusterIdentifier): its cluster holds its data. */
function inCluster(resource: Resource): boolean {
  return resource.unmodelled !== undefined && resource.unmodelled['DBClusterIdentifier'] !== undefined;
}

/** The DeletionPolicy a resource runs under: the template's, or AWS's default for its type. */
export function deletionPolicyOf(resource: Resource): RemovalPolicy {
  const written = policyIn(resource.attributes, 'DeletionPolicy');
  if (written) return written;
  return resource.kind === 'database' && !inCluster(resource) ? 'Snapshot' : 'Delete';
}

/** The UpdateReplacePolicy a resource runs under (Delete unless the template says otherwise). */
export function updateReplacePolicyOf(resource: Resource): RemovalPolicy {
  return policyIn(resource.attributes, 'UpdateReplacePolicy') ?? 'Delete';
}

/**
 * Whether deleting this resource takes a snapshot that stays: a primary database outside a cluster (a cluster
 * member's data are its cluster's, which the game does not model).
 */
export function hasSnapshots(resource: Resource): boolean {
  return resource.kind === 'database' && resource.props.source === undefined && !inCluster(resource);
}

/** What a policy does to a resource: Snapshot on a type without snapshots deletes it. */
export function outcomeOf(resource: Resource, policy: RemovalPolicy): RemovalOutcome {
  if (policy === 'Retain' || policy === 'RetainExceptOnCreate') return 'retain';
  if (policy === 'Snapshot' && hasSnapshots(resource)) return 'snapshot';
  return 'delete';
}

/** Whether deleting this resource loses data nobody kept: a primary database deleted without a snapshot. */
export function losesData(resource: Resource, outcome: RemovalOutcome): boolean {
  return outcome === 'delete' && hasSnapshots(resource);
}
