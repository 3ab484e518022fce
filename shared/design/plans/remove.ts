import type { Design, Resource, ResourceId, ResourceKind } from '../model.ts';
import { findByRef, refOf } from '../edits.ts';
import { connectionMeaning } from '../connections.ts';
import { dependentsOf, referencesOf } from '../references.ts';
import { refusal, type Refusal } from '../../protocol/refusals.ts';
import type { PlanResult, PlanStep } from './plan.ts';

// The delete plan of a piece, from the design's own dependents: what is part of it goes with it (a load
// balancer's listeners, a group's policies and launch template, a VPC's subnets and route tables), what is
// only connected to it is disconnected (a record that resolved to it, a group registered with its target
// group), and anything else that still needs it (an instance in a subnet being removed) refuses the whole
// gesture, as AWS refuses a delete a dependency blocks. Nothing is deleted before everything is decided.

type Props = Record<string, unknown>;

/** Which references make the referring resource a part of what it refers to: it has no use without it. */
const PART_OF: { readonly [K in ResourceKind]?: readonly string[] } = {
  subnet: ['vpc'],
  gatewayAttachment: ['vpc', 'gateway'],
  routeTable: ['vpc'],
  route: ['routeTable', 'gateway', 'transitGateway', 'peering'],
  subnetRouteTableAssociation: ['subnet', 'routeTable'],
  securityGroup: ['vpc'],
  vpcPeering: ['vpc', 'peerVpc'],
  transitGatewayAttachment: ['transitGateway', 'vpc'],
  listener: ['loadBalancer'],
  listenerRule: ['listener'],
  scalingPolicy: ['group'],
  scheduledAction: ['group'],
  acceleratorListener: ['accelerator'],
  endpointGroup: ['listener'],
  webAclAssociation: ['webAcl', 'resource'],
  alarm: ['subject'],
  budgetAction: ['budget'],
};

/** What a piece made for itself and refers to: it goes too when nothing outside the removal needs it. */
const OWNS: { readonly [K in ResourceKind]?: readonly string[] } = {
  autoScalingGroup: ['launchTemplate'],
  listener: ['forward[].targetGroup'],
  gatewayAttachment: ['gateway'],
  route: ['gateway'],
  recordSet: ['healthCheck'],
  database: ['subnetGroup'],
};

function idsAt(props: Props, path: string): ResourceId[] {
  const [head, field] = path.split('[].') as [string, string | undefined];
  const value = props[head];
  if (field !== undefined) return Array.isArray(value) ? value.map((e) => (e as Props | undefined)?.[field]).filter((v): v is number => typeof v === 'number') : [];
  return typeof value === 'number' ? [value] : [];
}

function partOfAny(r: Resource, removed: ReadonlySet<ResourceId>): boolean {
  if (r.partOf !== undefined && removed.has(r.partOf)) return true;
  return (PART_OF[r.kind] ?? []).some((path) => idsAt(r.props as Props, path).some((id) => removed.has(id)));
}

/** The removal set of `root`: itself, its parts, and what it owns that nobody else uses. */
function removalOf(design: Design, root: Resource): Set<ResourceId> {
  const removed = new Set<ResourceId>([root.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of design.resources) {
      if (removed.has(r.id)) continue;
      if (partOfAny(r, removed)) {
        removed.add(r.id);
        grew = true;
      }
    }
    for (const id of [...removed]) {
      const owner = design.resources[id]!;
      for (const path of OWNS[owner.kind] ?? []) {
        for (const owned of idsAt(owner.props as Props, path)) {
          if (removed.has(owned) || !design.resources[owned]) continue;
          // Others only connected to it (a group registered with the target group) are disconnected below.
          const ownedResource = design.resources[owned]!;
          if (dependentsOf(design.resources, owned).every((d) => removed.has(d.id) || connectionMeaning(d.kind, ownedResource.kind) !== undefined)) {
            removed.add(owned);
            grew = true;
          }
        }
      }
    }
  }
  return removed;
}

/** EC2's code for a VPC or subnet that something still stands in (an instance, a group, a load balancer, a database). */
export const DEPENDENCY_VIOLATION = 'DependencyViolation';

/**
 * EC2's refusal of DeleteVpc / DeleteSubnet while something is still in it, in EC2's own words ("The subnet
 * 'subnet-…' has dependencies and cannot be deleted."); the detail names what is in the way. The VPC's own network
 * parts (its subnets, route tables, gateway attachment, security groups) go with it, as the VPC console deletes
 * them together; what runs in it must be deleted first.
 */
export function networkDependencyViolation(design: Design, root: Resource, inTheWay: readonly string[]): Refusal {
  const id = `${design.stacks[root.stack]?.name ?? 'stack'}-${root.logicalId}`;
  return { code: DEPENDENCY_VIOLATION, message: `The ${root.kind} '${id}' has dependencies and cannot be deleted.`, detail: inTheWay.slice(0, 5).join(', ') };
}

/** The plan that removes `ref` with its parts, or the refusal naming what still depends on it. */
export function planRemove(design: Design, ref: string): PlanResult {
  const root = findByRef(design, ref);
  if (!root) return { ok: false, refusal: refusal('unknown-resource', ref.slice(0, 80)) };
  const removed = removalOf(design, root);
  const steps: PlanStep[] = [];
  const blocking: Resource[] = [];
  // Outside resources that refer into the removal: connections are undone, anything else blocks it.
  for (const r of design.resources) {
    if (removed.has(r.id)) continue;
    const into = [...new Set(referencesOf(r).filter((id) => removed.has(id)))];
    for (const id of into) {
      const other = design.resources[id]!;
      if (connectionMeaning(r.kind, other.kind) !== undefined && !r.dependsOn?.includes(id) && r.partOf !== id) {
        steps.push({ op: 'unlink', from: refOf(design, r), to: refOf(design, other) });
      } else blocking.push(r);
    }
  }
  if (blocking.length > 0) {
    const names = [...new Set(blocking.map((r) => refOf(design, r)))];
    if (root.kind === 'vpc' || root.kind === 'subnet') return { ok: false, refusal: networkDependencyViolation(design, root, names) };
    return { ok: false, refusal: refusal('dependency-violation', names.slice(0, 5).join(', ')) };
  }
  // Dependents first, as CloudFormation deletes: each resource once nothing left in the removal refers to it.
  const left = new Set(removed);
  while (left.size > 0) {
    const free = [...left].filter((id) => ![...left].some((other) => other !== id && referencesOf(design.resources[other]!).includes(id)));
    // A cycle of references cannot be deleted one by one: take them in id order and let the rules refuse.
    const next = free.length > 0 ? free : [Math.min(...left)];
    for (const id of next.sort((a, b) => b - a)) {
      steps.push({ op: 'delete', ref: refOf(design, design.resources[id]!) });
      left.delete(id);
    }
  }
  return { ok: true, steps };
}
