// The normalized design model: what the CloudFormation loader produces, what the exporter reads back,
// what the simulation compiles, and what match intents edit.
//
// Why this shape: a design is a flat list of resources with integer ids (their index in `resources`),
// each tagged by `kind`, with references already resolved to ids. CloudFormation's logical id and stack
// are kept so that errors, the exporter and the audit log can name a resource the way its author did.
// Plain data only (JSON-serialisable): it crosses the wire, is hashed, stored and replayed.

import type { Resource } from './resource.ts';

/** Index of a resource in `Design.resources`. */
export type ResourceId = number;

/** A region code, e.g. "us-east-1" (the geography in shared/geography lists the valid ones). */
export type RegionCode = string;
/** An availability zone name, e.g. "us-east-1a". */
export type ZoneName = string;
/** A world area of users, e.g. "north-america". */
export type AreaCode = string;

/** Where a resource was drawn on the board (CloudFormation Designer keeps this in Metadata). */
export interface BoardPosition {
  x: number;
  y: number;
}

export interface Stack {
  name: string;
  region: RegionCode;
  /** Parameter values as a real stack has them (from the manifest, or the template's defaults). */
  parameters: Record<string, string>;
  /** Template parts the game does not turn into resources but must export again (Description, Outputs, …). */
  extras?: Record<string, unknown>;
  /**
   * Set on the account's own stack of a region (its default VPC, shared/account): AWS made it, no template
   * did. Templates may use its resources but not change them; it is never exported and costs nothing.
   */
  account?: true;
  /**
   * Set (with `account`) on a region's holding stack of what stacks let go of but AWS kept: resources a
   * DeletionPolicy or UpdateReplacePolicy of Retain left in the account, and DB snapshots (shared/account/
   * keep-in-account.ts). Like the default VPC it is no stack's (never exported, no template changes it);
   * unlike it, what is in it is the player's and is billed until the player deletes it.
   */
  retained?: true;
}

/** A property as the template wrote it (with intrinsics) and, in template form, the value it resolved to. */
export interface WrittenForm {
  form: unknown;
  value: unknown;
}

export interface ResourceBase<K extends string, P> {
  id: ResourceId;
  /** Index in `Design.stacks`. */
  stack: number;
  logicalId: string;
  kind: K;
  props: P;
  position?: BoardPosition;
  /** Explicit DependsOn, by id. */
  dependsOn?: ResourceId[];
  /** Properties present in the template that the game does not model: kept for export, listed as notes. */
  unmodelled?: Record<string, unknown>;
  /**
   * Resource-level template attributes the game does not model (Condition, DeletionPolicy, UpdatePolicy,
   * CreationPolicy, Metadata other than the board position, DependsOn names of resources not on the board):
   * kept so that an exported template says what the imported one said.
   */
  attributes?: Record<string, unknown>;
  /**
   * Top-level properties the template wrote through its parameters, mappings, conditions or !GetAZs, with the
   * value each gave: the exporter writes the author's form again while the model still gives that value
   * (shared/template/written-forms.ts).
   */
  written?: Record<string, WrittenForm>;
  /**
   * Top-level properties the template left out, with the value the exporter would write for each (AWS's default,
   * which the loader filled in): left out of an export again while the model still gives that value.
   */
  unwritten?: Record<string, unknown>;
  /**
   * The CloudFormation type the resource was read from when it is not the kind's usual one
   * (e.g. "AWS::AutoScaling::LaunchConfiguration" for a launchTemplate, a classic ELB for a loadBalancer).
   */
  awsType?: string;
  /**
   * Set on resources the loader derived from another one (the target group and listener it makes of a classic
   * ELB): they are exported as part of that resource, not on their own.
   */
  partOf?: ResourceId;
  /**
   * How many times CloudFormation has replaced the resource (a Replacement update: a new physical resource with a
   * new physical id under the same logical id). Absent for the one first created, so a design that was never
   * updated reads and hashes as before. The simulation keys running state by stack, logical id and generation:
   * a replaced instance boots again, a replaced database is created again, empty (shared/sim/update.ts). Not part
   * of a template: a deploy carries it over from the running design (shared/template/physical-generations.ts).
   */
  generation?: number;
  /**
   * Set on a resource its stack let go of but AWS kept (DeletionPolicy or UpdateReplacePolicy Retain): the
   * stack and logical id it had. The simulation goes on running it as the same physical resource.
   */
  retainedFrom?: { stack: string; logicalId: string };
}

// The per-kind props (shared/design/kinds/) and their union (resource.ts), re-exported so imports stay as they are.
export type * from './kinds/networking.ts';
export type * from './kinds/compute.ts';
export type * from './kinds/load-balancing.ts';
export type * from './kinds/data.ts';
export type * from './kinds/edge.ts';
export type * from './kinds/operations.ts';
export type * from './kinds/logs.ts';
export type * from './resource.ts';

/** A resource the game does not model: kept for export, reported by logical id. */
export interface UnmodelledResource {
  stack: number;
  logicalId: string;
  type: string;
  body: Record<string, unknown>;
  /**
   * Why it is not on the board: a type the game does not model, a false Condition, or a modelled type whose
   * required reference (a subnet, a group, …) names nothing on the board.
   */
  reason?: 'unmodelled-type' | 'condition-false' | 'unplaceable';
}

/** A scripted player action at a simulated time (manifest `actions:`), replayed like a live intent. */
export interface TimedAction {
  atS: number;
  /** Who plays it through the match's rules (root or an IAM user); absent: a run-time action on the world. */
  as?: string;
  intent: Record<string, unknown>;
  /**
   * A scenario event type: `atS` then counts from the start of the run's first event of that type (a random
   * event's drawn time included), as a team reacting to it would: "300 s after the colleague's change".
   */
  after?: string;
}

export interface Design {
  stacks: Stack[];
  resources: Resource[];
  unmodelled: UnmodelledResource[];
  actions: TimedAction[];
}

/** A loader finding: an error stops the design, a warning and a note do not. */
export interface DesignIssue {
  severity: 'error' | 'warning' | 'note';
  /** Stable code, e.g. "subnet-outside-vpc", "unmodelled-type", "missing-reference". */
  code: string;
  stack?: string;
  logicalId?: string;
  message: string;
  /**
   * The values a player's language fills this code's sentence with (`designIssues.<code>` in the client's
   * translations). Present only where the code has one sentence shape; without it the English message is shown.
   */
  params?: Record<string, string | number>;
}

/** What the sender of a deploy is told about its stack's warnings: the issue, in words any language can say. */
export type DesignNotice = Pick<DesignIssue, 'code' | 'stack' | 'logicalId' | 'message' | 'params'>;
