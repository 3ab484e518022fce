// Traffic between VPCs: pairwise peering and Transit Gateway hubs with their VPC attachments; and to an
// on-premises office: Site-to-Site VPN (customer gateway, virtual private gateway or Transit Gateway, connection).

import type { ResourceOfKind } from '../../design/model.ts';
import { codec, defined } from '../codec.ts';

export const vpcPeeringCodec = codec({
  kind: 'vpcPeering',
  awsType: 'AWS::EC2::VPCPeeringConnection',
  usual: true,
  read: (p) => {
    const vpc = p.requiredRef('VpcId', ['vpc']);
    const peerVpc = p.requiredRef('PeerVpcId', ['vpc']);
    if (vpc === undefined || peerVpc === undefined) return undefined;
    // PeerRegion follows from where the peer VPC sits on the board; the exporter writes it again.
    const peer = p.targetOf(p.peek('PeerVpcId'));
    const peerRegion = 'resource' in peer ? p.env.regionOf(peer.resource.stack) : undefined;
    p.expect('PeerRegion', peerRegion === p.env.scope.region ? undefined : peerRegion);
    return { vpc, peerVpc };
  },
  write: (props, w) =>
    defined({
      VpcId: w.ref(props.vpc),
      PeerVpcId: w.ref(props.peerVpc),
      PeerRegion: w.regionOfResource(props.peerVpc) === w.region ? undefined : w.regionOfResource(props.peerVpc),
    }),
});

export const transitGatewayCodec = codec({
  kind: 'transitGateway',
  awsType: 'AWS::EC2::TransitGateway',
  usual: true,
  read: () => ({}),
  write: () => ({}),
});

export const transitGatewayAttachmentCodec = codec({
  kind: 'transitGatewayAttachment',
  awsType: 'AWS::EC2::TransitGatewayAttachment',
  usual: true,
  read: (p) => {
    const transitGateway = p.requiredRef('TransitGatewayId', ['transitGateway']);
    const vpc = p.requiredRef('VpcId', ['vpc']);
    const subnets = p.refs('SubnetIds', ['subnet']);
    return transitGateway === undefined || vpc === undefined ? undefined : { transitGateway, vpc, subnets };
  },
  write: (props, w) => ({
    TransitGatewayId: w.ref(props.transitGateway),
    VpcId: w.ref(props.vpc),
    SubnetIds: props.subnets.map(w.ref),
  }),
});

export const customerGatewayCodec = codec({
  kind: 'customerGateway',
  awsType: 'AWS::EC2::CustomerGateway',
  usual: true,
  read: (p) => {
    p.expect('Type', 'ipsec.1');
    return { ipAddress: p.text('IpAddress', ''), bgpAsn: p.number('BgpAsn', 65000) };
  },
  write: (props) => ({ Type: 'ipsec.1', IpAddress: props.ipAddress, BgpAsn: props.bgpAsn }),
});

export const vpnGatewayCodec = codec({
  kind: 'vpnGateway',
  awsType: 'AWS::EC2::VPNGateway',
  usual: true,
  read: (p) => {
    p.expect('Type', 'ipsec.1');
    return {};
  },
  write: () => ({ Type: 'ipsec.1' }),
});

export const vpnConnectionCodec = codec({
  kind: 'vpnConnection',
  awsType: 'AWS::EC2::VPNConnection',
  usual: true,
  read: (p) => {
    p.expect('Type', 'ipsec.1');
    const customerGateway = p.requiredRef('CustomerGatewayId', ['customerGateway']);
    // One of the two ends on the AWS side: a virtual private gateway (one VPC) or a Transit Gateway (a VPN attachment).
    const vpnGateway = p.ref('VpnGatewayId', ['vpnGateway']);
    const transitGateway = p.ref('TransitGatewayId', ['transitGateway']);
    const staticRoutesOnly = p.flag('StaticRoutesOnly', false);
    if (customerGateway === undefined) return undefined;
    return defined({ customerGateway, vpnGateway, transitGateway, staticRoutesOnly }) as ResourceOfKind<'vpnConnection'>['props'];
  },
  write: (props, w) =>
    defined({
      Type: 'ipsec.1',
      CustomerGatewayId: w.ref(props.customerGateway),
      VpnGatewayId: props.vpnGateway === undefined ? undefined : w.ref(props.vpnGateway),
      TransitGatewayId: props.transitGateway === undefined ? undefined : w.ref(props.transitGateway),
      StaticRoutesOnly: props.staticRoutesOnly ? true : undefined,
    }),
});

export const vpnGatewayRoutePropagationCodec = codec({
  kind: 'vpnGatewayRoutePropagation',
  awsType: 'AWS::EC2::VPNGatewayRoutePropagation',
  usual: true,
  read: (p) => {
    const vpnGateway = p.requiredRef('VpnGatewayId', ['vpnGateway']);
    const routeTables = p.refs('RouteTableIds', ['routeTable']);
    return vpnGateway === undefined ? undefined : { vpnGateway, routeTables };
  },
  write: (props, w) => ({ VpnGatewayId: w.ref(props.vpnGateway), RouteTableIds: props.routeTables.map(w.ref) }),
});
