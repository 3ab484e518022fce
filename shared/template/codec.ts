// A resource codec reads one CloudFormation resource type into one kind of board resource and writes it back.
// Reading and writing live side by side in one codec so that what one writes is exactly what the other reads.

import type { Resource, ResourceId, ResourceKind, ResourceOfKind, WrittenForm } from '../design/model.ts';
import type { PlainObject } from './plain-data.ts';
import type { PropertyReader } from './property-reader.ts';

export interface WriteContext {
  /** {Ref: logicalId} in the same stack; an Fn::ImportValue of a generated export across stacks. */
  ref: (id: ResourceId) => unknown;
  /** {Fn::GetAtt: [logicalId, attribute]}, or its import across stacks. */
  att: (id: ResourceId, attribute: string) => unknown;
  resource: (id: ResourceId) => Resource | undefined;
  /** True for the account's own resources (a default VPC): they are named by physical id, never by Ref. */
  isAccountResource: (id: ResourceId) => boolean;
  /** Resources the loader derived from this one (partOf), in id order. */
  derived: () => Resource[];
  /** The resource's kept (unmodelled) properties: some codecs choose a form by them (Subnets or SubnetMappings). */
  kept: PlainObject | undefined;
  /** The properties the template wrote through parameters or functions (written-forms.ts): written again as such. */
  written: Record<string, WrittenForm> | undefined;
  logicalId: string;
  /** True when a resource of the stack being written (on the board or not) has this logical id. */
  isLogicalId: (name: string) => boolean;
  /** The region of the stack being written, and of the stack any resource sits in. */
  region: string;
  regionOfResource: (id: ResourceId) => string | undefined;
}

export interface ResourceCodec<K extends ResourceKind = ResourceKind> {
  kind: K;
  /** The CloudFormation type this codec reads and writes. */
  awsType: string;
  /** True for the type written for the kind when a resource has no `awsType` of its own. */
  usual: boolean;
  /** Kinds (and logical id suffixes) of the resources `read` derives through `env.emitDerived`. */
  derives?: { kind: ResourceKind; suffix: string }[];
  /** List paths whose kept elements merge element by element with the written ones (see kept-properties.ts). */
  indexed?: string[];
  /**
   * Top-level properties the reader fills with a constant AWS default when a template leaves them out: an export
   * leaves them out again while the model still has that value (written-forms.ts). Not for a default that
   * depends on other properties (DesiredCapacity is MinSize's), which a change elsewhere would move.
   */
  defaulted?: string[];
  /** Top-level properties whose author's form the codec keeps and writes again itself (not written-forms.ts). */
  ownForms?: string[];
  read: (p: PropertyReader) => ResourceOfKind<K>['props'] | undefined;
  write: (props: ResourceOfKind<K>['props'], w: WriteContext) => PlainObject;
}

/** Declares a codec with its props typed by kind. */
export function codec<K extends ResourceKind>(c: ResourceCodec<K>): ResourceCodec<K> {
  return c;
}

/** Drops undefined entries so written properties hold only what the model says. */
export function defined(properties: Record<string, unknown>): PlainObject {
  const out: PlainObject = {};
  for (const [k, v] of Object.entries(properties)) if (v !== undefined) out[k] = v;
  return out;
}
