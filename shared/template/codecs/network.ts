// VPC plumbing: VPCs, subnets, internet gateways and their attachments, route tables, routes, associations.

import type { ResourceOfKind } from '../../design/model.ts';
import { zonesOf } from '../../geography/regions.ts';
import { ResourceRef } from '../resource-ref.ts';
import { codec, defined } from '../codec.ts';

export const vpcCodec = codec({
  kind: 'vpc',
  awsType: 'AWS::EC2::VPC',
  usual: true,
  read: (p) => ({ cidr: p.text('CidrBlock', '') }),
  write: (props) => ({ CidrBlock: props.cidr }),
});

export const subnetCodec = codec({
  kind: 'subnet',
  awsType: 'AWS::EC2::Subnet',
  defaulted: ['MapPublicIpOnLaunch'],
  usual: true,
  read: (p) => {
    const vpc = p.requiredRef('VpcId', ['vpc']);
    // A zone only known once the stack runs (an attribute of a custom resource) is kept as written.
    const given = p.peek('AvailabilityZone');
    const atRunTime = given instanceof ResourceRef && given.attribute !== undefined && !p.env.planned(given.stack, given.logicalId);
    let zone = atRunTime ? undefined : p.optionalText('AvailabilityZone');
    if (atRunTime) {
      zone = zonesOf(p.env.scope.region)[0]!;
      p.env.report('note', 'zone-chosen', `AvailabilityZone comes from ${given.logicalId}.${given.attribute}, known only when the stack runs: the subnet is placed in ${zone}`);
    } else if (zone === undefined) {
      // AWS picks a zone when the template names none; the board needs one, so the region's first is used.
      zone = zonesOf(p.env.scope.region)[0]!;
      p.env.report('note', 'zone-chosen', `no AvailabilityZone: the subnet is placed in ${zone}`);
    }
    const cidr = p.text('CidrBlock', '');
    const mapPublicIp = p.flag('MapPublicIpOnLaunch', false);
    return vpc === undefined ? undefined : { vpc, zone, cidr, mapPublicIp };
  },
  write: (props, w) =>
    defined({
      VpcId: w.ref(props.vpc),
      AvailabilityZone: props.zone,
      CidrBlock: props.cidr,
      MapPublicIpOnLaunch: props.mapPublicIp ? true : undefined,
    }),
});

export const internetGatewayCodec = codec({
  kind: 'internetGateway',
  awsType: 'AWS::EC2::InternetGateway',
  usual: true,
  read: () => ({}),
  write: () => ({}),
});

export const gatewayAttachmentCodec = codec({
  kind: 'gatewayAttachment',
  awsType: 'AWS::EC2::VPCGatewayAttachment',
  usual: true,
  // Attaches an internet gateway (InternetGatewayId) or a virtual private gateway (VpnGatewayId): one of the two.
  read: (p) => {
    const vpc = p.requiredRef('VpcId', ['vpc']);
    const gateway = p.has('VpnGatewayId') ? p.requiredRef('VpnGatewayId', ['vpnGateway']) : p.requiredRef('InternetGatewayId', ['internetGateway']);
    return vpc === undefined || gateway === undefined ? undefined : { vpc, gateway };
  },
  write: (props, w) =>
    w.resource(props.gateway)?.kind === 'vpnGateway'
      ? { VpcId: w.ref(props.vpc), VpnGatewayId: w.ref(props.gateway) }
      : { VpcId: w.ref(props.vpc), InternetGatewayId: w.ref(props.gateway) },
});

export const routeTableCodec = codec({
  kind: 'routeTable',
  awsType: 'AWS::EC2::RouteTable',
  usual: true,
  read: (p) => {
    const vpc = p.requiredRef('VpcId', ['vpc']);
    return vpc === undefined ? undefined : { vpc };
  },
  write: (props, w) => ({ VpcId: w.ref(props.vpc) }),
});

/** Route targets the game does not model: kept as written, named in `otherTarget`. */
const OTHER_TARGETS = [
  'NatGatewayId',
  'InstanceId',
  'NetworkInterfaceId',
  'EgressOnlyInternetGatewayId',
  'VpcEndpointId',
  'CarrierGatewayId',
  'LocalGatewayId',
  'CoreNetworkArn',
];

export const routeCodec = codec({
  kind: 'route',
  awsType: 'AWS::EC2::Route',
  usual: true,
  read: (p) => {
    const routeTable = p.requiredRef('RouteTableId', ['routeTable']);
    // GatewayId: an internet gateway, or a virtual private gateway (the way to a VPN's office).
    const gateway = p.ref('GatewayId', ['internetGateway', 'vpnGateway']);
    const transitGateway = p.ref('TransitGatewayId', ['transitGateway']);
    const peering = p.ref('VpcPeeringConnectionId', ['vpcPeering']);
    let otherTarget: string | undefined;
    for (const key of [...OTHER_TARGETS, 'GatewayId', 'TransitGatewayId', 'VpcPeeringConnectionId']) {
      if (otherTarget !== undefined || !p.has(key)) continue;
      if (key === 'GatewayId' && gateway !== undefined) continue;
      if (key === 'TransitGatewayId' && transitGateway !== undefined) continue;
      if (key === 'VpcPeeringConnectionId' && peering !== undefined) continue;
      const target = p.targetOf(p.peek(key));
      otherTarget = 'resource' in target ? target.resource.logicalId : target.outside;
    }
    const destination = p.text('DestinationCidrBlock', '');
    if (routeTable === undefined) return undefined;
    return defined({ routeTable, destination, gateway, transitGateway, peering, otherTarget }) as ResourceOfKind<'route'>['props'];
  },
  write: (props, w) =>
    defined({
      RouteTableId: w.ref(props.routeTable),
      DestinationCidrBlock: props.destination === '' ? undefined : props.destination,
      GatewayId: props.gateway === undefined ? undefined : w.ref(props.gateway),
      TransitGatewayId: props.transitGateway === undefined ? undefined : w.ref(props.transitGateway),
      VpcPeeringConnectionId: props.peering === undefined ? undefined : w.ref(props.peering),
    }),
});

export const subnetRouteTableAssociationCodec = codec({
  kind: 'subnetRouteTableAssociation',
  awsType: 'AWS::EC2::SubnetRouteTableAssociation',
  usual: true,
  read: (p) => {
    const subnet = p.requiredRef('SubnetId', ['subnet']);
    const routeTable = p.requiredRef('RouteTableId', ['routeTable']);
    return subnet === undefined || routeTable === undefined ? undefined : { subnet, routeTable };
  },
  write: (props, w) => ({ SubnetId: w.ref(props.subnet), RouteTableId: w.ref(props.routeTable) }),
});
