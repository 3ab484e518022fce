// Where the account keeps what its stacks let go of: one holding stack per region, `account:retained:<region>`,
// flagged `account` and `retained` (model.ts). Why a stack of its own and not the default VPC's `account:<region>`:
// the default VPC is AWS's, costs nothing and is read again from AWS's template at every deploy (kept only while a
// stack uses it), whereas what is retained is the player's own — billed, drawn, deletable on the board — and is
// carried from design to design as it is (keep-in-account.ts). Flagged `account`, it goes wherever the default VPC
// goes: never exported, no template declares or changes it, the board draws it as the account's. The name has a
// colon, which no CloudFormation stack name has, so no manifest or intent can take it.
//
// A DB snapshot is not a resource a template declares either (CloudFormation has no snapshot type): it is kept
// in the holding stack as a resource the board does not model, typed as AWS Config names it.

import type { Design, Stack, UnmodelledResource } from '../design/model.ts';

export const DB_SNAPSHOT_TYPE = 'AWS::RDS::DBSnapshot';

export function retainedStackName(region: string): string {
  return `account:retained:${region}`;
}

export function isRetainedStack(stack: Stack | undefined): boolean {
  return stack?.retained === true;
}

/** Whether a stack name is a holding stack's (the board knows stacks by name). */
export function isRetainedStackName(name: string): boolean {
  return name.startsWith('account:retained:');
}

/** An empty holding stack for a region. */
export function newRetainedStack(region: string): Stack {
  return { name: retainedStackName(region), region, parameters: {}, account: true, retained: true };
}

/**
 * The logical id a retained resource takes in its holding stack: its stack's name and its own logical id
 * (letters and digits only, as logical ids are), numbered when two stacks let go of look-alikes.
 */
export function retainedLogicalId(stack: string, logicalId: string, taken: ReadonlySet<string>): string {
  const stem = `${stack.replace(/[^A-Za-z0-9]/g, '')}${logicalId}`.slice(0, 240);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}

export interface DbSnapshot {
  /** Index in `design.unmodelled`. */
  index: number;
  identifier: string;
  region: string;
  storageGb: number;
  engine: string;
  /** The database it was taken of, "stack/LogicalId". */
  source: string;
  /** How a gesture names it: its holding stack and identifier ("account:retained:us-east-1/data-db-snapshot"). */
  ref: string;
}

/** RDS identifiers are lower-case letters, digits and single hyphens, starting with a letter. */
function rdsIdentifier(text: string): string {
  const id = text.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^[^a-z]+/, '').replace(/-$/, '');
  return id === '' ? 'snapshot' : id.slice(0, 240);
}

/** The identifier of the snapshot CloudFormation takes of a database: `<stack>-<logicalid>-snapshot`, numbered if taken. */
export function snapshotIdentifier(stack: string, logicalId: string, taken: ReadonlySet<string>): string {
  const stem = rdsIdentifier(`${stack}-${logicalId}-snapshot`);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/** A snapshot as the holding stack keeps it. */
export function snapshotResource(stack: number, s: Omit<DbSnapshot, 'index' | 'region' | 'ref'>): UnmodelledResource {
  return {
    stack,
    logicalId: s.identifier,
    type: DB_SNAPSHOT_TYPE,
    body: { Type: DB_SNAPSHOT_TYPE, Properties: { DBSnapshotIdentifier: s.identifier, Engine: s.engine, AllocatedStorage: s.storageGb, SourceDBInstance: s.source } },
  };
}

/** The DB snapshots in a design's account, in the order they were taken. */
export function snapshotsOf(design: Design): DbSnapshot[] {
  const out: DbSnapshot[] = [];
  design.unmodelled.forEach((u, index) => {
    const stack = design.stacks[u.stack];
    if (u.type !== DB_SNAPSHOT_TYPE || !isRetainedStack(stack)) return;
    const p = (u.body['Properties'] ?? {}) as Record<string, unknown>;
    out.push({
      index,
      identifier: u.logicalId,
      region: stack!.region,
      storageGb: typeof p['AllocatedStorage'] === 'number' ? p['AllocatedStorage'] : 0,
      engine: typeof p['Engine'] === 'string' ? p['Engine'] : '',
      source: typeof p['SourceDBInstance'] === 'string' ? p['SourceDBInstance'] : '',
      ref: `${stack!.name}/${u.logicalId}`,
    });
  });
  return out;
}

/** A snapshot a template names in DBSnapshotIdentifier (its identifier or its ARN), in a region. */
export function findSnapshot(design: Design, named: string, region: string): DbSnapshot | undefined {
  const identifier = (named.startsWith('arn:') ? named.slice(named.lastIndexOf(':') + 1) : named).toLowerCase();
  return snapshotsOf(design).find((s) => s.region === region && s.identifier === identifier);
}

/** The snapshot a gesture names ("account:retained:<region>/<identifier>"), if the account keeps one so. */
export function snapshotByRef(design: Design, ref: unknown): DbSnapshot | undefined {
  return typeof ref === 'string' ? snapshotsOf(design).find((s) => s.ref === ref) : undefined;
}

/**
 * `design` without a snapshot (rds:DeleteDBSnapshot): its storage is no longer billed. A database restored from
 * it keeps its data (a restore copies them), as in RDS.
 */
export function withoutSnapshot(design: Design, snapshot: DbSnapshot): Design {
  return { ...design, unmodelled: design.unmodelled.filter((_, i) => i !== snapshot.index) };
}
