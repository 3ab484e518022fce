import type { Design, Resource } from '../model.ts';
import { findByRef, freeLogicalId, refOf } from '../edits.ts';
import { connectionMeaning } from '../connections.ts';
import { endpointGroupDefaults } from '../../catalogue/defaults.ts';
import { refusal } from '../../protocol/refusals.ts';
import { targetGroupProps } from './place.ts';
import { refFor, type PlanResult, type PlanStep } from './plan.ts';
import { formatCidr, parseCidr } from '../cidr.ts';

// The connection plan of a line a player draws between two pieces. Most pairs connect directly, by the
// design's own connections (connections.ts: a record to a load balancer, a group to a target group); some go
// through a go-between the piece holds: a load balancer reaches an Auto Scaling group or an instance through
// its target group, an accelerator a load balancer or an instance through the endpoint group of that region.
// Go-betweens that are missing are created in the same plan; disconnecting never creates anything. Peering two
// VPCs or attaching one to a Transit Gateway also writes the routes the connection needs to carry anything
// (vpc-routes in the simulation: a peering needs a route to the peer's range in both VPCs' route tables, an
// attachment one route to the hub): each is a CreateRoute call of the gesture, and disconnecting deletes them.

type Props = Record<string, unknown>;

const firstWhere = (design: Design, when: (r: Resource) => boolean): Resource | undefined => design.resources.find(when);

/** The target group a load balancer forwards to (through any of its listeners), if it has one. */
function targetGroupOf(design: Design, lb: Resource): Resource | undefined {
  for (const listener of design.resources) {
    if (listener.kind !== 'listener' || listener.props.loadBalancer !== lb.id) continue;
    const forward = (listener.props as Props).forward as { targetGroup: number }[] | undefined;
    const group = forward?.map((f) => design.resources[f.targetGroup]).find((g) => g?.kind === 'targetGroup');
    if (group) return group;
  }
  return undefined;
}

function stackName(design: Design, r: Resource): string {
  return design.stacks[r.stack]?.name ?? '';
}

function viaTargetGroup(design: Design, lb: Resource, other: Resource, disconnect: boolean): PlanResult {
  const group = targetGroupOf(design, lb);
  const otherRef = refOf(design, other);
  if (group) return { ok: true, steps: [{ op: disconnect ? 'unlink' : 'link', from: otherRef, to: refOf(design, group) }] };
  if (disconnect) return { ok: false, refusal: refusal('not-linked') };
  const stack = stackName(design, lb);
  const logicalId = freeLogicalId(design, lb.stack, 'targetGroup');
  const groupRef = refFor(stack, logicalId);
  const firstSubnet = ((lb.props as Props).subnets as number[] | undefined)?.[0];
  const vpcId = firstSubnet === undefined ? undefined : (design.resources[firstSubnet]?.props as Props | undefined)?.vpc;
  const vpc = typeof vpcId === 'number' && design.resources[vpcId] ? refOf(design, design.resources[vpcId]!) : undefined;
  return {
    ok: true,
    steps: [
      { op: 'create', stack, kind: 'targetGroup', logicalId, props: targetGroupProps(vpc) },
      // The load balancer forwards to it through its first listener, or a new HTTP :80 one (connections.ts).
      { op: 'link', from: refOf(design, lb), to: groupRef },
      { op: 'link', from: otherRef, to: groupRef },
    ],
  };
}

function viaEndpointGroup(design: Design, accelerator: Resource, end: Resource, disconnect: boolean): PlanResult {
  const region = design.stacks[end.stack]?.region ?? '';
  const listener = firstWhere(design, (r) => r.kind === 'acceleratorListener' && r.props.accelerator === accelerator.id);
  const existing = listener ? firstWhere(design, (r) => r.kind === 'endpointGroup' && r.props.listener === listener.id && r.props.region === region) : undefined;
  if (existing) return { ok: true, steps: [{ op: disconnect ? 'unlink' : 'link', from: refOf(design, existing), to: refOf(design, end) }] };
  if (disconnect) return { ok: false, refusal: refusal('not-linked') };
  const stack = stackName(design, accelerator);
  const steps: PlanStep[] = [];
  let listenerRef = listener ? refOf(design, listener) : undefined;
  if (!listenerRef) {
    const logicalId = freeLogicalId(design, accelerator.stack, 'acceleratorListener');
    listenerRef = refFor(stack, logicalId);
    steps.push({ op: 'create', stack, kind: 'acceleratorListener', logicalId, props: { accelerator: refOf(design, accelerator), protocol: 'TCP', ports: [{ from: 80, to: 80 }] } });
  }
  const { endpointWeight, ...health } = endpointGroupDefaults();
  steps.push({
    op: 'create',
    stack,
    kind: 'endpointGroup',
    logicalId: freeLogicalId(design, accelerator.stack, 'endpointGroup'),
    props: { listener: listenerRef, region, endpoints: [{ target: refOf(design, end), weight: endpointWeight }], ...health },
  });
  return { ok: true, steps };
}

/** The plan of a line drawn (or taken away, `disconnect`) between two pieces named "stack/LogicalId". */
export function planConnect(design: Design, aRef: string, bRef: string, disconnect = false): PlanResult {
  const a = findByRef(design, aRef);
  const b = findByRef(design, bRef);
  if (!a) return { ok: false, refusal: refusal('unknown-resource', aRef.slice(0, 80)) };
  if (!b) return { ok: false, refusal: refusal('unknown-resource', bRef.slice(0, 80)) };
  if (a.id === b.id) return { ok: false, refusal: refusal('cannot-connect', `${a.kind} ↔ ${b.kind}`) };
  if (a.kind === 'vpc' && b.kind === 'vpc') return withRoutes(design, a, b, disconnect, peeringRoutes);
  const [hub, attached] = a.kind === 'transitGateway' ? [a, b] : [b, a];
  if (hub.kind === 'transitGateway' && attached.kind === 'vpc') return withRoutes(design, hub, attached, disconnect, hubRoutes);
  if (connectionMeaning(a.kind, b.kind)) return { ok: true, steps: [{ op: disconnect ? 'unlink' : 'link', from: aRef, to: bRef }] };

  const [lb, other] = a.kind === 'loadBalancer' ? [a, b] : b.kind === 'loadBalancer' ? [b, a] : [undefined, undefined];
  if (lb && other && (other.kind === 'autoScalingGroup' || other.kind === 'instance')) {
    return viaTargetGroup(design, lb, other, disconnect);
  }
  const [acc, end] = a.kind === 'accelerator' ? [a, b] : b.kind === 'accelerator' ? [b, a] : [undefined, undefined];
  if (acc && end && (end.kind === 'loadBalancer' || end.kind === 'instance')) {
    return viaEndpointGroup(design, acc, end, disconnect);
  }
  return { ok: false, refusal: refusal('cannot-connect', `${a.kind} ↔ ${b.kind}`) };
}

interface RouteWanted {
  table: Resource;
  destination: string;
  target: 'peering' | 'transitGateway';
}

/**
 * The link, then a route in each route table that lacks one to the destination; disconnecting deletes the routes
 * through the connection first. `wanted` names the routes given the connection's ref (made by the link).
 */
function withRoutes(
  design: Design,
  from: Resource,
  to: Resource,
  disconnect: boolean,
  wanted: (design: Design, from: Resource, to: Resource) => { connection: string; routes: RouteWanted[] },
): PlanResult {
  const link: PlanStep = { op: disconnect ? 'unlink' : 'link', from: refOf(design, from), to: refOf(design, to) };
  const { connection, routes } = wanted(design, from, to);
  const connectionId = findByRef(design, connection)?.id;
  if (disconnect) {
    const through = design.resources.filter(
      (r) => r.kind === 'route' && connectionId !== undefined && (r.props.peering === connectionId || r.props.transitGateway === connectionId) && routes.some((w) => w.table.id === r.props.routeTable),
    );
    return { ok: true, steps: [...through.map((r) => ({ op: 'delete' as const, ref: refOf(design, r) })), link] };
  }
  const steps: PlanStep[] = [link];
  const taken = new Set<string>();
  for (const w of routes) {
    if (design.resources.some((r) => r.kind === 'route' && r.props.routeTable === w.table.id && r.props.destination === w.destination)) continue;
    // Route1, Route2, …: free in the stack and not taken by an earlier route of this plan.
    let logicalId = '';
    for (let n = 1; !logicalId; n++) {
      const candidate = `Route${n}`;
      if (!taken.has(`${w.table.stack}/${candidate}`) && !design.resources.some((r) => r.stack === w.table.stack && r.logicalId === candidate)) logicalId = candidate;
    }
    taken.add(`${w.table.stack}/${logicalId}`);
    steps.push({ op: 'create', stack: stackName(design, w.table), kind: 'route', logicalId, props: { routeTable: refOf(design, w.table), destination: w.destination, [w.target]: connection } });
  }
  return { ok: true, steps };
}

const tablesOf = (design: Design, vpc: Resource): Resource[] => design.resources.filter((r) => r.kind === 'routeTable' && r.props.vpc === vpc.id);
const cidrOf = (vpc: Resource): string => String((vpc.props as Props).cidr ?? '');

/** A peering's routes: each side's tables to the other's range. The link names the peering as connections.ts does. */
function peeringRoutes(design: Design, a: Resource, b: Resource): { connection: string; routes: RouteWanted[] } {
  const existing = design.resources.find(
    (r) => r.kind === 'vpcPeering' && [r.props.vpc, r.props.peerVpc].includes(a.id) && [r.props.vpc, r.props.peerVpc].includes(b.id),
  );
  const connection = existing ? refOf(design, existing) : refFor(stackName(design, a), freeLogicalId(design, a.stack, 'vpcPeering'));
  const routes: RouteWanted[] = [];
  if (parseCidr(cidrOf(b))) for (const table of tablesOf(design, a)) routes.push({ table, destination: cidrOf(b), target: 'peering' });
  if (parseCidr(cidrOf(a))) for (const table of tablesOf(design, b)) routes.push({ table, destination: cidrOf(a), target: 'peering' });
  return { connection, routes };
}

/**
 * An attachment's route: the VPC's tables send the /8 around its range to the hub (the board's VPCs are
 * 10.n.0.0/16), so every VPC attached later is reached without a new route; the VPC's own range stays local.
 */
function hubRoutes(design: Design, hub: Resource, vpc: Resource): { connection: string; routes: RouteWanted[] } {
  const block = parseCidr(cidrOf(vpc));
  if (!block) return { connection: refOf(design, hub), routes: [] };
  const destination = formatCidr(block.prefix <= 8 ? block : { base: (block.base & 0xff000000) >>> 0, prefix: 8 });
  return { connection: refOf(design, hub), routes: tablesOf(design, vpc).map((table) => ({ table, destination, target: 'transitGateway' as const })) };
}
