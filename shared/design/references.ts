import type { Resource, ResourceId, ResourceKind } from './model.ts';
import { copyPlain } from './copy.ts';

// Where each kind of resource points at others. One list serves every use: the board's connections, "what
// depends on this?" before a delete, renumbering after one, and turning intent references into ids.
//
// A path is a property name, `name[]` for an array of ids, or `name[].field` for an id inside array entries.

export const REFERENCE_PATHS: { readonly [K in ResourceKind]: readonly string[] } = {
  vpc: [],
  subnet: ['vpc'],
  internetGateway: [],
  gatewayAttachment: ['vpc', 'gateway'],
  routeTable: ['vpc'],
  route: ['routeTable', 'gateway', 'transitGateway', 'peering'],
  subnetRouteTableAssociation: ['subnet', 'routeTable'],
  securityGroup: ['vpc', 'ingress[].sourceGroup', 'ingress[].sourceLoadBalancer', 'egress[].sourceGroup'],
  vpcPeering: ['vpc', 'peerVpc'],
  transitGateway: [],
  transitGatewayAttachment: ['transitGateway', 'vpc', 'subnets[]'],
  customerGateway: [],
  vpnGateway: [],
  vpnConnection: ['customerGateway', 'vpnGateway', 'transitGateway'],
  vpnGatewayRoutePropagation: ['vpnGateway', 'routeTables[]'],
  networkAcl: ['vpc'],
  networkAclEntry: ['networkAcl'],
  subnetNetworkAclAssociation: ['subnet', 'networkAcl'],
  flowLog: ['resource'],
  instance: ['subnet', 'securityGroups[]'],
  launchTemplate: ['securityGroups[]'],
  autoScalingGroup: ['launchTemplate', 'subnets[]', 'targetGroups[]'],
  scalingPolicy: ['group'],
  scheduledAction: ['group'],
  loadBalancer: ['subnets[]', 'securityGroups[]'],
  targetGroup: ['vpc', 'targets[]'],
  listener: ['loadBalancer', 'forward[].targetGroup'],
  listenerRule: ['listener', 'forward[].targetGroup'],
  dbSubnetGroup: ['subnets[]'],
  database: ['source', 'subnetGroup', 'securityGroups[]'],
  bucket: [],
  distribution: ['origins[]', 'webAcl'],
  healthCheck: ['target'],
  recordSet: ['target', 'healthCheck'],
  accelerator: [],
  acceleratorListener: ['accelerator'],
  endpointGroup: ['listener', 'endpoints[].target'],
  webAcl: [],
  webAclAssociation: ['webAcl', 'resource'],
  alarm: ['subject', 'alarmActions[]'],
  budget: [],
  budgetAction: ['budget', 'instances[]'],
  trail: ['bucket'],
  dashboard: ['metrics[].subject', 'alarms[].alarm'],
  logGroup: [],
  metricFilter: ['logGroup'],
};

type Props = Record<string, unknown>;

/**
 * Calls `visit` on every reference in `props` at `path` and stores what it returns. Returning undefined
 * from `visit` removes an optional single reference, or drops the entry from an id array.
 */
function rewritePath(props: Props, path: string, visit: (value: unknown) => unknown): void {
  const [head, field] = path.split('[].') as [string, string | undefined];
  if (field !== undefined) {
    const entries = props[head];
    if (!Array.isArray(entries)) return;
    for (const entry of entries) {
      if (entry && typeof entry === 'object' && field in entry) {
        const next = visit((entry as Props)[field]);
        if (next === undefined) delete (entry as Props)[field];
        else (entry as Props)[field] = next;
      }
    }
    return;
  }
  if (head.endsWith('[]')) {
    const name = head.slice(0, -2);
    const list = props[name];
    if (Array.isArray(list)) props[name] = list.map(visit).filter((v) => v !== undefined);
    return;
  }
  if (!(head in props) || props[head] === undefined) return;
  const next = visit(props[head]);
  if (next === undefined) delete props[head];
  else props[head] = next;
}

/** Every id a resource refers to, in path order (duplicates kept: two forwards to one group are two edges). */
export function referencesOf(resource: Resource): ResourceId[] {
  const found: ResourceId[] = [];
  const props = resource.props as Props;
  for (const path of REFERENCE_PATHS[resource.kind]) {
    const [head, field] = path.split('[].') as [string, string | undefined];
    const value = props[head.replace(/\[\]$/, '')];
    if (field !== undefined && Array.isArray(value)) {
      for (const entry of value) {
        const id = (entry as Props | undefined)?.[field];
        if (typeof id === 'number') found.push(id);
      }
    } else if (Array.isArray(value)) {
      for (const id of value) if (typeof id === 'number') found.push(id);
    } else if (typeof value === 'number') found.push(value);
  }
  for (const id of resource.dependsOn ?? []) found.push(id);
  if (resource.partOf !== undefined) found.push(resource.partOf);
  return found;
}

/**
 * A copy of `props` (of a resource of `kind`) with every reference passed through `map`. Used both ways:
 * ids to ids (renumbering) and intent references (strings) to ids. `map` returning undefined drops it.
 */
export function mapReferences<K extends ResourceKind>(kind: K, props: unknown, map: (ref: unknown) => unknown): Props {
  const copy = copyPlain(props) as Props;
  for (const path of REFERENCE_PATHS[kind]) rewritePath(copy, path, map);
  return copy;
}

/** The resources that refer to `id`: what stops it from being deleted. */
export function dependentsOf(resources: readonly Resource[], id: ResourceId): Resource[] {
  return resources.filter((r) => r.id !== id && referencesOf(r).includes(id));
}
