// What a resource codec sees while it reads one template resource: the stack scope (for intrinsics), the
// ids the loader has given to the resources that will be on the board, and a way to report findings.

import type { DesignIssue, Resource, ResourceId, ResourceKind } from '../design/model.ts';
import type { PlainObject } from './plain-data.ts';
import type { StackScope } from './stack-scope.ts';

/** A resource of the board as a reference sees it while templates are read. */
export interface PlannedResource {
  id: ResourceId;
  kind: ResourceKind;
  stack: number;
  logicalId: string;
  /** The CloudFormation type of the template resource it comes from. */
  awsType: string;
}

export interface ReadEnv {
  scope: StackScope;
  logicalId: string;
  /** The id the resource being read gets on the board (derived resources follow it). */
  selfId: ResourceId;
  /** The board resource a template resource of a stack becomes, if it becomes one. */
  planned: (stack: number, logicalId: string) => PlannedResource | undefined;
  /** The account's stack of a region (its default VPC), or undefined when the account has none there. */
  accountStack: (region: string) => number | undefined;
  /** Whether the account has a default VPC in a region, without asking for it to be on the board. */
  hasDefaultVpc: (region: string) => boolean;
  /** The region of a stack of the design. */
  regionOf: (stack: number) => string;
  /** A resource derived from a board resource (a classic ELB's target group), by kind. */
  derivedOf: (id: ResourceId, kind: ResourceKind) => PlannedResource | undefined;
  /** Resources a codec derives from the one it reads, in the order the codec declared their kinds. */
  emitDerived: (props: Resource['props'][]) => void;
  /** Marks the resource as impossible to place (a required reference names nothing on the board). */
  unplaceable: (reason: string) => void;
  /** Standalone AWS::EC2::SecurityGroupIngress resources that add rules to the group being read. */
  foldedIngress: () => { logicalId: string; properties: PlainObject }[];
  report: (severity: DesignIssue['severity'], code: string, message: string, params?: DesignIssue['params']) => void;
}
