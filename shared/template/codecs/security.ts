// Security groups with their ingress rules. Standalone AWS::EC2::SecurityGroupIngress resources are folded
// into the group they name (templates split them out only to break reference cycles). SecurityGroupEgress, when
// written, replaces AWS's default allow-all outbound rule (shared/sim/compile/security-groups.ts decides with them).

import type { SecurityRule } from '../../design/model.ts';
import { codec, defined } from '../codec.ts';
import { requireDefaultVpc } from '../default-vpc-placement.ts';
import { PropertyReader } from '../property-reader.ts';

export const securityGroupCodec = codec({
  kind: 'securityGroup',
  awsType: 'AWS::EC2::SecurityGroup',
  usual: true,
  indexed: ['SecurityGroupIngress', 'SecurityGroupEgress'],
  read: (p) => {
    p.expect('GroupDescription', p.env.logicalId);
    // Without a VpcId AWS makes the group in the default VPC, which the board leaves implicit (vpc unset);
    // a region without a default VPC refuses it.
    if (!p.has('VpcId') && !requireDefaultVpc(p, 'the security group names no VpcId')) return undefined;
    const vpc = p.ref('VpcId', ['vpc']);
    const ingress: SecurityRule[] = [];
    const modelled: PropertyReader[] = [];
    for (const element of p.elements('SecurityGroupIngress')) {
      if (!element.reader) continue;
      ingress.push(readRule(element.reader));
      modelled.push(element.reader);
    }
    for (const folded of p.env.foldedIngress()) {
      const reader = new PropertyReader(folded.properties, p.env, folded.logicalId);
      reader.value('GroupId');
      reader.value('GroupName');
      ingress.push(readRule(reader));
      modelled.push(reader);
      p.env.report('note', 'ingress-folded', `the ingress rule ${folded.logicalId} is folded into this group's rules`);
    }
    // Non-object entries cannot be rules; they are kept after the modelled ones.
    const others = p.elements('SecurityGroupIngress').filter((e) => !e.reader).map((e) => e.raw);
    p.finishList('SecurityGroupIngress', modelled, others, 'indexed');
    // Egress: absent means AWS's default (all outbound); written, only those rules (an empty list: nothing out).
    let egress: SecurityRule[] | undefined;
    if (p.has('SecurityGroupEgress')) {
      egress = [];
      const out: PropertyReader[] = [];
      for (const element of p.elements('SecurityGroupEgress')) {
        if (!element.reader) continue;
        egress.push(readRule(element.reader, 'DestinationSecurityGroupId'));
        out.push(element.reader);
      }
      const otherOut = p.elements('SecurityGroupEgress').filter((e) => !e.reader).map((e) => e.raw);
      p.finishList('SecurityGroupEgress', out, otherOut, 'indexed');
    }
    const props: { vpc?: number; ingress: SecurityRule[]; egress?: SecurityRule[] } = { ingress };
    if (vpc !== undefined) props.vpc = vpc;
    if (egress !== undefined) props.egress = egress;
    return props;
  },
  write: (props, w) =>
    defined({
      GroupDescription: w.logicalId,
      VpcId: props.vpc === undefined ? undefined : w.ref(props.vpc),
      SecurityGroupIngress: props.ingress.length === 0 ? undefined : props.ingress.map((rule) => writeRule(rule, w)),
      SecurityGroupEgress: props.egress?.map((rule) => writeRule(rule, w, 'DestinationSecurityGroupId')),
    }),
});

function readRule(r: PropertyReader, groupField = 'SourceSecurityGroupId'): SecurityRule {
  const protocol = r.text('IpProtocol', '-1');
  const rule: SecurityRule = { protocol, fromPort: r.number('FromPort', 0), toPort: r.number('ToPort', 65535) };
  const cidr = r.optionalText('CidrIp');
  if (cidr !== undefined) rule.cidr = cidr;
  // A classic ELB's source security group (Fn::GetAtt ELB.SourceSecurityGroup.GroupName, owner alias beside it):
  // the group every node of that load balancer is in, so the rule admits that load balancer.
  if (groupField === 'SourceSecurityGroupId' && r.has('SourceSecurityGroupName')) {
    const target = r.targetOf(r.peek('SourceSecurityGroupName'));
    if ('resource' in target && target.resource.kind === 'loadBalancer' && target.attribute === 'SourceSecurityGroup.GroupName') {
      r.value('SourceSecurityGroupName');
      r.expectAttribute('SourceSecurityGroupOwnerId', target.resource.id, 'SourceSecurityGroup.OwnerAlias');
      rule.sourceLoadBalancer = target.resource.id;
      return rule;
    }
  }
  const source =
    groupField === 'SourceSecurityGroupId'
      ? (r.ref('SourceSecurityGroupId', ['securityGroup']) ?? r.ref('SourceSecurityGroupName', ['securityGroup']))
      : r.ref(groupField, ['securityGroup']);
  if (source !== undefined) rule.sourceGroup = source;
  return rule;
}

function writeRule(rule: SecurityRule, w: { ref: (id: number) => unknown; att: (id: number, attribute: string) => unknown }, groupField = 'SourceSecurityGroupId'): Record<string, unknown> {
  const ref = w.ref;
  if (rule.sourceLoadBalancer !== undefined) {
    return defined({
      IpProtocol: rule.protocol,
      FromPort: rule.fromPort,
      ToPort: rule.toPort,
      SourceSecurityGroupOwnerId: w.att(rule.sourceLoadBalancer, 'SourceSecurityGroup.OwnerAlias'),
      SourceSecurityGroupName: w.att(rule.sourceLoadBalancer, 'SourceSecurityGroup.GroupName'),
    });
  }
  return defined({
    IpProtocol: rule.protocol,
    FromPort: rule.fromPort,
    ToPort: rule.toPort,
    CidrIp: rule.cidr,
    [groupField]: rule.sourceGroup === undefined ? undefined : ref(rule.sourceGroup),
  });
}
