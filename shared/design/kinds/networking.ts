// The design model's networking: VPCs, subnets, gateways, routes, security groups, peering and transit gateways.
// Each kind's props as the loader reads them and the simulation compiles them (shared/design/model.ts re-exports them).
import type { ResourceBase, ResourceId, ZoneName } from '../model.ts';

export type Vpc = ResourceBase<'vpc', { cidr: string }>;
export type Subnet = ResourceBase<'subnet', { vpc: ResourceId; zone: ZoneName; cidr: string; mapPublicIp: boolean }>;
export type InternetGateway = ResourceBase<'internetGateway', Record<string, never>>;
/** An internet gateway or a virtual private gateway (vpnGateway) attached to a VPC: AWS::EC2::VPCGatewayAttachment. */
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
  /** A classic ELB's source security group (SourceSecurityGroupName: Fn::GetAtt ELB.SourceSecurityGroup.GroupName). */
  sourceLoadBalancer?: ResourceId;
}
/**
 * A group without `vpc` is in its region's default VPC (a template without VpcId), as AWS places it.
 * `egress` absent: AWS's default outbound rule, all traffic to 0.0.0.0/0; written, only those rules (a rule's
 * `sourceGroup` is then its destination group). Decides reachability: shared/sim/compile/security-groups.ts.
 */
export type SecurityGroup = ResourceBase<'securityGroup', { vpc?: ResourceId; ingress: SecurityRule[]; egress?: SecurityRule[] }>;
/**
 * A network ACL of a VPC (AWS::EC2::NetworkAcl): stateless, evaluated by rule number, allow and deny; a subnet
 * associated with none uses its VPC's default ACL, which allows everything (compile/network-acls.ts).
 */
export type NetworkAcl = ResourceBase<'networkAcl', { vpc: ResourceId }>;
/** One numbered rule of a network ACL (AWS::EC2::NetworkAclEntry): inbound, or outbound when `egress`. */
export type NetworkAclEntry = ResourceBase<
  'networkAclEntry',
  { networkAcl: ResourceId; ruleNumber: number; protocol: string; action: 'allow' | 'deny'; egress: boolean; cidr: string; fromPort?: number; toPort?: number }
>;
export type SubnetNetworkAclAssociation = ResourceBase<'subnetNetworkAclAssociation', { subnet: ResourceId; networkAcl: ResourceId }>;
/**
 * A VPC flow log (AWS::EC2::FlowLog): records of the traffic a VPC's, a subnet's or one network interface's
 * connections carry, accepted and rejected by security groups and network ACLs, in AWS's default format
 * (shared/sim/flow-records.ts). A `NetworkInterface` flow log names the instance whose primary interface it
 * watches (the board has no separate interfaces). Only the default LogFormat is modelled.
 */
export type FlowLog = ResourceBase<
  'flowLog',
  {
    resourceType: 'VPC' | 'Subnet' | 'NetworkInterface';
    /** The VPC, subnet or instance (its primary interface) watched. */
    resource: ResourceId;
    trafficType: 'ACCEPT' | 'REJECT' | 'ALL';
    destinationType: 'cloud-watch-logs' | 's3';
    /** LogDestination: a log group's or bucket's ARN, as written. */
    destination?: string;
    /** LogGroupName (CloudWatch Logs only). */
    logGroupName?: string;
    /** MaxAggregationInterval in seconds: 60 or 600 (AWS's default). */
    aggregationS: 60 | 600;
  }
>;
export type VpcPeering = ResourceBase<'vpcPeering', { vpc: ResourceId; peerVpc: ResourceId }>;
export type TransitGateway = ResourceBase<'transitGateway', Record<string, never>>;
export type TransitGatewayAttachment = ResourceBase<
  'transitGatewayAttachment',
  { transitGateway: ResourceId; vpc: ResourceId; subnets: ResourceId[] }
>;
/**
 * The office's side of a Site-to-Site VPN: its router's public address and BGP number (the office's own range
 * is the scenario's `office.cidr`; with BGP the customer gateway advertises it).
 */
export type CustomerGateway = ResourceBase<'customerGateway', { ipAddress: string; bgpAsn: number }>;
/** The AWS side of a VPN into one VPC (attached by a gatewayAttachment): it reaches only that VPC. */
export type VpnGateway = ResourceBase<'vpnGateway', Record<string, never>>;
/**
 * A Site-to-Site VPN connection from a customer gateway to a virtual private gateway, or to a Transit Gateway
 * (a VPN attachment: the office's range propagates to the hub's default route table).
 */
export type VpnConnection = ResourceBase<
  'vpnConnection',
  { customerGateway: ResourceId; vpnGateway?: ResourceId; transitGateway?: ResourceId; staticRoutesOnly: boolean }
>;
/** Routes the VPN learns (the office's range) installed in these route tables toward the virtual private gateway. */
export type VpnGatewayRoutePropagation = ResourceBase<'vpnGatewayRoutePropagation', { vpnGateway: ResourceId; routeTables: ResourceId[] }>;
