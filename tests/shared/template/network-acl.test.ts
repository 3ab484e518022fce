// AWS::EC2::NetworkAcl, NetworkAclEntry and SubnetNetworkAclAssociation are read onto the board and written back
// as they were (load → export → load gives the same design).
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../shared/template/index.ts';
import { byLogicalId, errors, loadTemplate } from './load-helpers.ts';

const TEMPLATE = `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Private: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: us-east-1a}}
  Acl: {Type: AWS::EC2::NetworkAcl, Properties: {VpcId: !Ref Vpc}}
  InHttp: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: allow, CidrBlock: 10.0.0.0/16, PortRange: {From: 80, To: 80}}}
  DenyOffice: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref Acl, RuleNumber: 90, Protocol: -1, RuleAction: deny, CidrBlock: 10.0.9.0/24}}
  OutEphemeral: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: allow, Egress: true, CidrBlock: 10.0.0.0/16, PortRange: {From: 1024, To: 65535}}}
  Assoc: {Type: AWS::EC2::SubnetNetworkAclAssociation, Properties: {SubnetId: !Ref Private, NetworkAclId: !Ref Acl}}
`;

type Written = Record<string, { Type: string; Properties: Record<string, unknown> }>;

describe('network ACLs in templates', () => {
  it('reads the ACL, its numbered entries and the association', () => {
    const loaded = loadTemplate(TEMPLATE);
    expect(errors(loaded)).toEqual([]);
    const acl = byLogicalId(loaded.design, 'Acl', 'networkAcl');
    expect(byLogicalId(loaded.design, 'InHttp', 'networkAclEntry').props).toEqual({ networkAcl: acl.id, ruleNumber: 100, protocol: '6', action: 'allow', egress: false, cidr: '10.0.0.0/16', fromPort: 80, toPort: 80 });
    expect(byLogicalId(loaded.design, 'DenyOffice', 'networkAclEntry').props).toEqual({ networkAcl: acl.id, ruleNumber: 90, protocol: '-1', action: 'deny', egress: false, cidr: '10.0.9.0/24' });
    expect(byLogicalId(loaded.design, 'OutEphemeral', 'networkAclEntry').props.egress).toBe(true);
    expect(byLogicalId(loaded.design, 'Assoc', 'subnetNetworkAclAssociation').props.networkAcl).toBe(acl.id);
  });

  it('writes them back and loads the same design again', () => {
    const loaded = loadTemplate(TEMPLATE);
    const written = exportDesign(loaded.design!).templates['test']!;
    const resources = written['Resources'] as Written;
    expect(resources['OutEphemeral']!.Properties).toMatchObject({ RuleNumber: 100, Protocol: 6, RuleAction: 'allow', Egress: true, CidrBlock: '10.0.0.0/16', PortRange: { From: 1024, To: 65535 } });
    expect(resources['Assoc']!.Type).toBe('AWS::EC2::SubnetNetworkAclAssociation');
    const again = loadTemplate(written);
    expect(errors(again)).toEqual([]);
    const props = (d: typeof loaded.design) => d!.resources.map((r) => [r.logicalId, r.kind, r.props]);
    expect(props(again.design)).toEqual(props(loaded.design));
  });
});
