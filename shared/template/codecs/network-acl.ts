// Network ACLs: the ACL of a VPC, its numbered entries (inbound or outbound, allow or deny) and the subnets
// associated with it. They decide reachability statelessly (shared/sim/compile/network-acls.ts).

import { codec, defined } from '../codec.ts';

export const networkAclCodec = codec({
  kind: 'networkAcl',
  awsType: 'AWS::EC2::NetworkAcl',
  usual: true,
  read: (p) => {
    const vpc = p.requiredRef('VpcId', ['vpc']);
    return vpc === undefined ? undefined : { vpc };
  },
  write: (props, w) => ({ VpcId: w.ref(props.vpc) }),
});

export const networkAclEntryCodec = codec({
  kind: 'networkAclEntry',
  awsType: 'AWS::EC2::NetworkAclEntry',
  usual: true,
  read: (p) => {
    const networkAcl = p.requiredRef('NetworkAclId', ['networkAcl']);
    if (networkAcl === undefined) return undefined;
    const range = p.has('PortRange') ? p.child('PortRange') : undefined;
    const fromPort = range?.number('From', -1);
    const toPort = range?.number('To', -1);
    const action = p.text('RuleAction', 'deny').toLowerCase() === 'allow' ? ('allow' as const) : ('deny' as const);
    return defined({
      networkAcl,
      ruleNumber: p.number('RuleNumber', 100),
      protocol: String(p.text('Protocol', '-1')),
      action,
      egress: p.flag('Egress', false),
      cidr: p.text('CidrBlock', '0.0.0.0/0'),
      fromPort: range ? fromPort : undefined,
      toPort: range ? toPort : undefined,
    }) as { networkAcl: number; ruleNumber: number; protocol: string; action: 'allow' | 'deny'; egress: boolean; cidr: string };
  },
  write: (props, w) =>
    defined({
      NetworkAclId: w.ref(props.networkAcl),
      RuleNumber: props.ruleNumber,
      Protocol: Number.isNaN(Number(props.protocol)) ? props.protocol : Number(props.protocol),
      RuleAction: props.action,
      Egress: props.egress,
      CidrBlock: props.cidr,
      PortRange: props.fromPort === undefined && props.toPort === undefined ? undefined : defined({ From: props.fromPort, To: props.toPort }),
    }),
});

export const subnetNetworkAclAssociationCodec = codec({
  kind: 'subnetNetworkAclAssociation',
  awsType: 'AWS::EC2::SubnetNetworkAclAssociation',
  usual: true,
  read: (p) => {
    const subnet = p.requiredRef('SubnetId', ['subnet']);
    const networkAcl = p.requiredRef('NetworkAclId', ['networkAcl']);
    return subnet === undefined || networkAcl === undefined ? undefined : { subnet, networkAcl };
  },
  write: (props, w) => ({ SubnetId: w.ref(props.subnet), NetworkAclId: w.ref(props.networkAcl) }),
});
