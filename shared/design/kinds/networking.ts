// The design model's networking: VPCs, subnets, gateways, routes, security groups, peering and transit gateways.
// Each kind's props as the loader reads them and the simulation compiles them (shared/design/model.ts re-exports them).
import type { ResourceBase, ResourceId, ZoneName } from '../model.ts';

export type Vpc = ResourceBase<'vpc', { cidr: string }>;
export type Subnet = ResourceBase<'subnet', { vpc: ResourceId; zone: ZoneName; cidr: string; mapPublicIp: boolean }>;
export type InternetGateway = ResourceBase<'internetGateway', Record<string, never>>;
export type GatewayAttachment = ResourceBase<'gatewayAttachment', { vpc: ResourceId; gateway: ResourceId }>;
export type RouteTable = ResourceBase<'routeTable', { vpc: ResourceId }>;
export type Route = ResourceBase<
  'route',
  {
    routeTable: ResourceId;
    destination: string;
    /** Exactly one target; which one decides what the route means in the game. */
    gateway?: ResourceId;
    transitGateway?: ResourceId;
    peering?: ResourceId;
    /** NAT gateways and others the game does not model are kept as an opaque target. */
    otherTarget?: string;
  }
>;
export type SubnetRouteTableAssociation = ResourceBase<
  'subnetRouteTableAssociation',
  { subnet: ResourceId; routeTable: ResourceId }
>;
export interface SecurityRule {
  protocol: string;
  fromPort: number;
  toPort: number;
  cidr?: string;
  sourceGroup?: ResourceId;
}
/** A group without `vpc` is in its region's default VPC (a template without VpcId), as AWS places it. */
export type SecurityGroup = ResourceBase<'securityGroup', { vpc?: ResourceId; ingress: SecurityRule[] }>;
export type VpcPeering = ResourceBase<'vpcPeering', { vpc: ResourceId; peerVpc: ResourceId }>;
export type TransitGateway = ResourceBase<'transitGateway', Record<string, never>>;
export type TransitGatewayAttachment = ResourceBase<
  'transitGatewayAttachment',
  { transitGateway: ResourceId; vpc: ResourceId; subnets: ResourceId[] }
>;
