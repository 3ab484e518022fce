// Everything the intrinsic functions of one stack's template can see: its region and name, its parameter
// values, Mappings, Conditions, the logical ids of its resources, and other stacks' exports (Fn::ImportValue).

import type { DesignIssue } from '../design/model.ts';
import type { PlainObject } from './plain-data.ts';
import type { ResourceRef } from './resource-ref.ts';

export interface ParameterValue {
  /** The declared Type (String, Number, List<…>, CommaDelimitedList, AWS::SSM::Parameter::Value<…>, …). */
  type: string;
  text: string;
}

/** Where a value sits, for messages: the resource (if any) and the property path inside it. */
export interface Where {
  logicalId?: string;
  path: string;
}

export interface StackScope {
  index: number;
  name: string;
  region: string;
  parameters: Map<string, ParameterValue>;
  mappings: PlainObject;
  conditions: PlainObject;
  /** The template's Resources section: logical id → raw resource (Type, Properties, Condition, …). */
  resources: PlainObject;
  /** Memo of evaluated conditions; 'evaluating' marks one on the current path (a cycle). */
  conditionMemo: Map<string, boolean | 'evaluating'>;
  /** A plausible physical name for a marker (of this stack or another), remembered for `refOfText`. */
  nameOfRef: (ref: ResourceRef) => string;
  /** The resource a string was built from, if it was built from a marker's physical name. */
  refOfText: (text: string) => ResourceRef | undefined;
  /** Another stack's exported Output by export name (undefined when no stack exports that name). */
  importValue: (name: string) => { found: boolean; value?: unknown };
  /** True when a resource of this stack is left out by a false Condition. */
  isExcluded: (logicalId: string) => boolean;
  report: (issue: DesignIssue) => void;
}

/** The AWS type of a resource of the scope's template (for plausible names and ARNs). */
export function typeOfResource(scope: StackScope, logicalId: string): string | undefined {
  const raw = scope.resources[logicalId];
  const type = typeof raw === 'object' && raw !== null ? (raw as PlainObject)['Type'] : undefined;
  return typeof type === 'string' ? type : undefined;
}

export function hasResource(scope: StackScope, logicalId: string): boolean {
  return Object.hasOwn(scope.resources, logicalId);
}

export function issueAt(scope: StackScope, at: Where, severity: DesignIssue['severity'], code: string, message: string): DesignIssue {
  const issue: DesignIssue = { severity, code, stack: scope.name, message };
  if (at.logicalId !== undefined) issue.logicalId = at.logicalId;
  return issue;
}
