// Traffic between VPCs: pairwise peering and Transit Gateway hubs with their VPC attachments.

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
