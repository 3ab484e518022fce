// A security group's SecurityGroupEgress is read into the design (written, it replaces AWS's default allow-all
// outbound rule and decides reachability: shared/sim/compile/security-groups.ts) and written back as it was;
// absent, it stays absent.
import { describe, expect, it } from 'vitest';
import { exportDesign } from '../../../shared/template/index.ts';
import { byLogicalId, errors, loadTemplate } from './load-helpers.ts';

const template = (egress: string) => `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Web: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: web, VpcId: !Ref Vpc}}
  Lb:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: lb
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 0.0.0.0/0}]${egress}
`;

type Written = Record<string, { Properties: Record<string, unknown> }>;

describe('security group egress', () => {
  it('reads SecurityGroupEgress with a destination group or range and writes it back', () => {
    const loaded = loadTemplate(
      template('\n      SecurityGroupEgress: [{IpProtocol: tcp, FromPort: 80, ToPort: 80, DestinationSecurityGroupId: !Ref Web}, {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}]'),
    );
    expect(errors(loaded)).toEqual([]);
    const web = byLogicalId(loaded.design, 'Web', 'securityGroup');
    const lb = byLogicalId(loaded.design, 'Lb', 'securityGroup');
    expect(lb.props.egress).toEqual([
      { protocol: 'tcp', fromPort: 80, toPort: 80, sourceGroup: web.id },
      { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' },
    ]);
    const written = exportDesign(loaded.design!).templates['test']!['Resources'] as Written;
    expect(written['Lb']!.Properties['SecurityGroupEgress']).toEqual([
      { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, DestinationSecurityGroupId: { Ref: 'Web' } },
      { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' },
    ]);
  });

  it("absent, it stays absent (AWS's default: all outbound)", () => {
    const loaded = loadTemplate(template(''));
    expect(byLogicalId(loaded.design, 'Lb', 'securityGroup').props.egress).toBeUndefined();
    const written = exportDesign(loaded.design!).templates['test']!['Resources'] as Written;
    expect(written['Lb']!.Properties['SecurityGroupEgress']).toBeUndefined();
  });

  it("reads a database's VPCSecurityGroups and writes them back", () => {
    const loaded = loadTemplate(`
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  DbGroup: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: db, VpcId: !Ref Vpc, SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: 10.0.0.0/16}]}}
  Db: {Type: AWS::RDS::DBInstance, Properties: {Engine: mysql, DBInstanceClass: db.t3.medium, AllocatedStorage: "20", VPCSecurityGroups: [!Ref DbGroup]}}
`);
    expect(errors(loaded)).toEqual([]);
    const group = byLogicalId(loaded.design, 'DbGroup', 'securityGroup');
    expect(byLogicalId(loaded.design, 'Db', 'database').props.securityGroups).toEqual([group.id]);
    const written = exportDesign(loaded.design!).templates['test']!['Resources'] as Written;
    expect(written['Db']!.Properties['VPCSecurityGroups']).toEqual([{ Ref: 'DbGroup' }]);
  });
});
