// Whether a subnet is public: its route table sends 0.0.0.0/0 to an internet gateway attached to its VPC (or to
// a Gateway Load Balancer endpoint in such a subnet).
// Its route table is the one explicitly associated with it, else its VPC's main route table. Templates cannot
// name the main table (AWS creates it with the VPC), so the board treats the VPC's first route table that no
// subnet is associated with as its main table; a VPC without such a table gives unassociated subnets no routes.

import type { Design, ResourceId, ResourceKind, ResourceOfKind } from '../design/model.ts';
import { endpointOfRoute, gatewayEndpoints } from './gwlb-endpoints.ts';

export function subnetIsPublic(design: Design, subnetId: ResourceId): boolean {
  return publicSubnets(design).has(subnetId);
}

/** Every public subnet of a design, computed in one pass over its resources. */
export function publicSubnets(design: Design): Set<ResourceId> {
  const of = <K extends ResourceKind>(kind: K) =>
    design.resources.filter((r): r is ResourceOfKind<K> => r.kind === kind);
  const associations = of('subnetRouteTableAssociation');
  const associatedTables = new Set(associations.map((a) => a.props.routeTable));
  const tableOfSubnet = new Map(associations.map((a) => [a.props.subnet, a.props.routeTable]));
  const mainTable = new Map<ResourceId, ResourceId>();
  for (const table of of('routeTable')) {
    if (!associatedTables.has(table.id) && !mainTable.has(table.props.vpc)) mainTable.set(table.props.vpc, table.id);
  }
  const attached = new Set(of('gatewayAttachment').map((a) => `${a.props.vpc}/${a.props.gateway}`));
  const publicTables = new Set<ResourceId>();
  for (const route of of('route')) {
    const gateway = route.props.gateway === undefined ? undefined : design.resources[route.props.gateway];
    const table = design.resources[route.props.routeTable];
    if (route.props.destination !== '0.0.0.0/0' || gateway?.kind !== 'internetGateway' || table?.kind !== 'routeTable') continue;
    if (attached.has(`${table.props.vpc}/${route.props.gateway}`)) publicTables.add(route.props.routeTable);
  }
  const out = new Set<ResourceId>();
  design.resources.forEach((subnet, id) => {
    if (subnet.kind !== 'subnet') return;
    const table = tableOfSubnet.get(id) ?? mainTable.get(subnet.props.vpc);
    if (table !== undefined && publicTables.has(table)) out.add(id);
  });
  // Ingress inspection: a subnet whose 0.0.0.0/0 goes to a Gateway Load Balancer endpoint in a public subnet is
  // public too (its traffic reaches the internet through the appliances and the endpoint's subnet).
  const endpoints = gatewayEndpoints(design);
  if (endpoints.size === 0) return out;
  const inspectedTables = new Set<ResourceId>();
  for (const route of of('route')) {
    const endpoint = route.props.destination === '0.0.0.0/0' ? endpointOfRoute(endpoints, route) : undefined;
    if (endpoint?.subnet !== undefined && out.has(endpoint.subnet)) inspectedTables.add(route.props.routeTable);
  }
  design.resources.forEach((subnet, id) => {
    if (subnet.kind !== 'subnet') return;
    const table = tableOfSubnet.get(id) ?? mainTable.get(subnet.props.vpc);
    if (table !== undefined && inspectedTables.has(table)) out.add(id);
  });
  return out;
}
