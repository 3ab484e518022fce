// Gateway Load Balancer endpoints (AWS::EC2::VPCEndpoint, VpcEndpointType GatewayLoadBalancer) are kept as the
// template wrote them, not as board pieces; routes name them by logical id (VpcEndpointId → route.otherTarget).
// One reading serves the simulation (sim/compile/gateway-fleet.ts), the design checks and public-subnets.ts.

import type { Design, ResourceId } from '../design/model.ts';

export interface GatewayEndpoint {
  /** `${stack}/${logicalId}`: what a route of that stack names in otherTarget. */
  key: string;
  stack: number;
  /** The board subnet its SubnetIds names (a GWLB endpoint has exactly one), if on the board. */
  subnet?: ResourceId;
}

export function gatewayEndpoints(design: Design): Map<string, GatewayEndpoint> {
  const out = new Map<string, GatewayEndpoint>();
  for (const u of design.unmodelled) {
    const props = (u.body['Properties'] ?? {}) as Record<string, unknown>;
    if (u.type !== 'AWS::EC2::VPCEndpoint' || props['VpcEndpointType'] !== 'GatewayLoadBalancer') continue;
    const key = `${u.stack}/${u.logicalId}`;
    const first = Array.isArray(props['SubnetIds']) ? (props['SubnetIds'][0] as Record<string, unknown> | undefined) : undefined;
    const name = first && typeof first['Ref'] === 'string' ? first['Ref'] : undefined;
    const subnet = name === undefined ? undefined : design.resources.find((r) => r.kind === 'subnet' && r.stack === u.stack && r.logicalId === name);
    out.set(key, subnet ? { key, stack: u.stack, subnet: subnet.id } : { key, stack: u.stack });
  }
  return out;
}

/** The endpoint a route sends to, if it names a Gateway Load Balancer endpoint. */
export function endpointOfRoute(endpoints: Map<string, GatewayEndpoint>, route: { stack: number; props: { otherTarget?: string } }): GatewayEndpoint | undefined {
  return route.props.otherTarget === undefined || endpoints.size === 0 ? undefined : endpoints.get(`${route.stack}/${route.props.otherTarget}`);
}
