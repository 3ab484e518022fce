// Board edits to a security group's rules that EC2 would refuse (AuthorizeSecurityGroupIngress: InvalidParameterValue)
// are refused with a stable code and message, and leave the design as it was; a good rule is taken.
import { describe, expect, it } from 'vitest';
import { configureResource, placeResource } from '../../../shared/design/edits.ts';
import type { Design } from '../../../shared/design/model.ts';
import { checkDesign } from '../../../shared/template/design-checks.ts';

function design(): Design {
  return {
    stacks: [{ name: 'web', region: 'us-east-1', parameters: {} }],
    resources: [
      { id: 0, stack: 0, logicalId: 'Vpc', kind: 'vpc', props: { cidr: '10.0.0.0/16' } },
      { id: 1, stack: 0, logicalId: 'LbGroup', kind: 'securityGroup', props: { vpc: 0, ingress: [{ protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '0.0.0.0/0' }] } },
      { id: 2, stack: 0, logicalId: 'WebGroup', kind: 'securityGroup', props: { vpc: 0, ingress: [] } },
    ],
    unmodelled: [],
    actions: [],
  };
}

const configure = (d: Design, rule: Record<string, unknown>) => configureResource(d, 'web/WebGroup', { ingress: [rule] }, checkDesign);

describe('security group rules edited on the board', () => {
  it('takes a rule from the load balancer group', () => {
    const result = configure(design(), { protocol: 'tcp', fromPort: 80, toPort: 80, sourceGroup: 'web/LbGroup' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.design.resources[2]!.props).toMatchObject({ ingress: [{ sourceGroup: 1 }] });
  });

  it('refuses a range that is not an IPv4 CIDR, ports out of order, and a rule naming two peers', () => {
    const d = design();
    const before = JSON.stringify(d);
    const refused = { ok: false, refusal: { code: 'design-rule', detail: 'invalid-security-group-rule' } };
    expect(configure(d, { protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '10.0.0/8' })).toMatchObject(refused);
    expect(configure(d, { protocol: 'tcp', fromPort: 90, toPort: 80, cidr: '10.0.0.0/8' })).toMatchObject(refused);
    expect(configure(d, { protocol: 'tcp', fromPort: 80, toPort: 70000, cidr: '10.0.0.0/8' })).toMatchObject(refused);
    expect(configure(d, { protocol: 'tcp', fromPort: 80, toPort: 80, cidr: '10.0.0.0/8', sourceGroup: 'web/LbGroup' })).toMatchObject(refused);
    expect(JSON.stringify(d)).toBe(before);
    const message = configure(d, { protocol: 'tcp', fromPort: 80, toPort: 80, cidr: 'anywhere' });
    expect(!message.ok && message.refusal.message).toContain('"anywhere" is not an IPv4 CIDR block');
  });

  it('refuses a rule whose source group is not on the board', () => {
    expect(configure(design(), { protocol: 'tcp', fromPort: 80, toPort: 80, sourceGroup: 'web/Ghost' })).toMatchObject({ ok: false, refusal: { code: 'unknown-resource' } });
  });

  it('refuses a new group placed with a bad rule', () => {
    const result = placeResource(design(), { stack: 'web', kind: 'securityGroup', props: { vpc: 'web/Vpc', ingress: [{ protocol: 'udp', fromPort: 5, toPort: 1, cidr: '0.0.0.0/0' }] } }, checkDesign);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'design-rule', detail: 'invalid-security-group-rule' } });
  });

  it("refuses more inbound rules than AWS's quota per group (catalogue.vpc.securityGroupRulesPerDirection)", () => {
    const d = design();
    const many = Array.from({ length: 61 }, (_, i) => ({ protocol: 'tcp', fromPort: 1000 + i, toPort: 1000 + i, cidr: '10.0.0.0/16' }));
    expect(configureResource(d, 'web/WebGroup', { ingress: many }, checkDesign)).toMatchObject({ ok: false, refusal: { code: 'design-rule', detail: 'security-group-rules-limit' } });
    expect(configureResource(d, 'web/WebGroup', { ingress: many.slice(0, 60) }, checkDesign).ok).toBe(true);
  });
});

describe('network ACL entries edited on the board', () => {
  function withAcl(): Design {
    const d = design();
    d.resources.push({ id: 3, stack: 0, logicalId: 'Acl', kind: 'networkAcl', props: { vpc: 0 } });
    d.resources.push({ id: 4, stack: 0, logicalId: 'In80', kind: 'networkAclEntry', props: { networkAcl: 3, ruleNumber: 100, protocol: '6', action: 'allow', egress: false, cidr: '0.0.0.0/0', fromPort: 80, toPort: 80 } });
    return d;
  }
  const entry = (props: Record<string, unknown>) => ({ stack: 'web', kind: 'networkAclEntry' as const, props: { networkAcl: 'web/Acl', protocol: '6', action: 'allow', egress: false, cidr: '0.0.0.0/0', ...props } });

  it('takes an outbound entry with the same number as an inbound one', () => {
    expect(placeResource(withAcl(), entry({ ruleNumber: 100, egress: true, fromPort: 1024, toPort: 65535 }), checkDesign).ok).toBe(true);
  });

  it('refuses a second entry with the same number and direction, a bad range and a rule number out of range', () => {
    expect(placeResource(withAcl(), entry({ ruleNumber: 100, fromPort: 443, toPort: 443 }), checkDesign)).toMatchObject({ ok: false, refusal: { code: 'design-rule', detail: 'network-acl-entry-exists' } });
    expect(placeResource(withAcl(), entry({ ruleNumber: 110, cidr: '10.0.0/8' }), checkDesign)).toMatchObject({ ok: false, refusal: { code: 'design-rule', detail: 'invalid-network-acl-entry' } });
    expect(placeResource(withAcl(), entry({ ruleNumber: 40000 }), checkDesign)).toMatchObject({ ok: false, refusal: { code: 'invalid-properties' } });
  });
});
