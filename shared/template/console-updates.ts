// What a board gesture may change on a resource that already runs, as AWS's consoles and APIs allow it. A
// CloudFormation update replaces a resource when an Immutable property changes (update-behaviour.ts); the EC2,
// VPC and RDS consoles instead cannot change those properties at all: "After you create a subnet, you can't
// change its CIDR block" (CreateSubnet). So a gesture that changes one is, per property, either
// - refused, with AWS's reason, where a new physical resource would drag others with it (a VPC's or a subnet's
//   CIDR: every subnet, instance and database inside would have to go) or where AWS has nothing like it; or
// - a new physical resource (the resource's `generation` goes up, so the simulation launches it anew), where
//   that is what a player would do in the console: an instance "moved" to another subnet is an instance
//   terminated and another launched there, with its boot time. Being a console action and not a stack update,
//   no UpdateReplacePolicy applies: the old instance is terminated.
// Properties EC2 changes in place on a running instance although CloudFormation replaces for them (its security
// groups, whichever property names them) are changed in place. Before the match starts nothing is running yet:
// every gesture is then free (the caller does not ask).
//
// The model's properties are compared as the exporter writes them (modelProperties), the same CloudFormation
// names the change set and the simulation's interruptions read.

import type { Design, Resource } from '../design/model.ts';
import { findByRef } from '../design/edits.ts';
import type { Refusal } from '../protocol/refusals.ts';
import { codecOfResource } from './codecs/index.ts';
import { modelProperties } from './export.ts';
import { deepEqual } from './plain-data.ts';
import { updateBehaviour } from './update-behaviour.ts';

/** What a gesture does about a property CloudFormation would replace the resource for. */
type ConsoleRule =
  | { does: 'replace' }
  | { does: 'in-place' }
  | { does: 'refuse'; because: string }
  /** A rule that depends on the values (before → after; undefined: the property is absent). */
  | { does: 'depends'; on: (before: unknown, after: unknown) => ConsoleRule };

const NOT_A_VPC_CIDR = "You cannot change a VPC's CIDR block once it is created: create another VPC and move into it.";
const NOT_A_SUBNET_CIDR = "After you create a subnet, you can't change its CIDR block: create another subnet and move into it.";
const SUBNET_STAYS = 'A subnet stays in the VPC and Availability Zone it was created in: create another subnet there.';
const NEW_PHYSICAL = { does: 'replace' } as const;

/** The rules by CloudFormation type and property; a replacement property not listed is refused (RULE_OTHERWISE). */
export const CONSOLE_RULES: Readonly<Record<string, Readonly<Record<string, ConsoleRule>>>> = {
  'AWS::EC2::VPC': {
    CidrBlock: { does: 'refuse', because: NOT_A_VPC_CIDR },
  },
  'AWS::EC2::Subnet': {
    CidrBlock: { does: 'refuse', because: NOT_A_SUBNET_CIDR },
    AvailabilityZone: { does: 'refuse', because: SUBNET_STAYS },
    VpcId: { does: 'refuse', because: SUBNET_STAYS },
  },
  'AWS::EC2::Instance': {
    // EC2 cannot move an instance: the board's move terminates it and launches another in the new subnet.
    SubnetId: NEW_PHYSICAL,
    NetworkInterfaces: NEW_PHYSICAL,
    AvailabilityZone: NEW_PHYSICAL,
    // ModifyInstanceAttribute --groups changes a running instance's groups in a VPC (every instance the game runs).
    SecurityGroups: { does: 'in-place' },
  },
  // A launch configuration cannot be changed: one makes another (it runs nothing itself; the group uses the new one).
  'AWS::AutoScaling::LaunchConfiguration': { '*': NEW_PHYSICAL },
  // ReplaceRouteTableAssociation moves a subnet to another route table in place.
  'AWS::EC2::SubnetRouteTableAssociation': { RouteTableId: { does: 'in-place' } },
  'AWS::RDS::DBInstance': {
    // Promoting a read replica (PromoteReadReplica) is done in place; a standing database cannot become a replica.
    SourceDBInstanceIdentifier: {
      does: 'depends',
      on: (before, after) =>
        before !== undefined && after === undefined
          ? { does: 'in-place' }
          : { does: 'refuse', because: 'An existing database cannot become a read replica of another: create a read replica of the source instead.' },
    },
    AvailabilityZone: { does: 'refuse', because: 'RDS does not move a Single-AZ database to another zone: make it Multi-AZ and fail over, or restore a snapshot there.' },
  },
};

/** AWS has no call that changes such a property of an existing resource. */
function otherwise(type: string, property: string): ConsoleRule {
  return { does: 'refuse', because: `The ${property} of an existing ${type} cannot be changed: AWS only sets it when the resource is created (change the stack's template to have CloudFormation replace it, or delete it and create another).` };
}

export type ConsoleUpdate = { ok: true; replaced: string[] } | { ok: false; refusal: Refusal };

/**
 * What changing the resources named by `refs` from `before` to `after` does, as a console would do it: the refs
 * (stack/LogicalId) of those that become new physical resources, or the refusal of the first change AWS does
 * not allow. Resources new in `after` or gone from it are not updates and are not looked at.
 */
export function consoleUpdateOf(before: Design, after: Design, refs: Iterable<string>): ConsoleUpdate {
  const replaced: string[] = [];
  for (const ref of new Set(refs)) {
    const was = findByRef(before, ref);
    const now = findByRef(after, ref);
    if (!was || !now || was.kind !== now.kind) continue;
    const decided = decide(before, was, after, now);
    if (decided === 'replace') replaced.push(ref);
    else if (decided !== 'in-place') return { ok: false, refusal: { code: 'immutable-property', message: `${ref}: ${decided.because}`, detail: decided.property } };
  }
  return { ok: true, replaced };
}

function decide(before: Design, was: Resource, after: Design, now: Resource): 'replace' | 'in-place' | { because: string; property: string } {
  const codecWas = codecOfResource(was);
  const codecNow = codecOfResource(now);
  if (!codecWas || !codecNow) return 'in-place';
  if (codecWas.awsType !== codecNow.awsType) {
    return { because: `An existing ${codecWas.awsType} cannot become an ${codecNow.awsType}: create a new one.`, property: 'Type' };
  }
  const type = codecNow.awsType;
  const a = modelProperties(before, was)?.written ?? {};
  const b = modelProperties(after, now)?.written ?? {};
  let result: 'replace' | 'in-place' = 'in-place';
  for (const property of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (deepEqual(a[property], b[property])) continue;
    if (updateBehaviour(type, property, a[property], b[property]) !== 'replacement') continue;
    let rule = CONSOLE_RULES[type]?.[property] ?? CONSOLE_RULES[type]?.['*'] ?? otherwise(type, property);
    while (rule.does === 'depends') rule = rule.on(a[property], b[property]);
    if (rule.does === 'refuse') return { because: rule.because, property };
    if (rule.does === 'replace') result = 'replace';
  }
  return result;
}

/** `design` with a new physical resource for each ref (one generation more), and for the parts derived from it. */
export function withNewPhysical(design: Design, refs: readonly string[]): Design {
  if (refs.length === 0) return design;
  const ids = new Set(refs.map((ref) => findByRef(design, ref)?.id).filter((id) => id !== undefined));
  const resources = design.resources.map((r) => {
    const owner = r.partOf !== undefined && ids.has(r.partOf) ? design.resources[r.partOf]! : ids.has(r.id) ? r : undefined;
    return owner ? { ...r, generation: (owner.generation ?? 0) + 1 } : r;
  });
  return { ...design, resources };
}
