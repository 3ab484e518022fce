import { describe, expect, it } from 'vitest';
import { configureResource } from '../../../shared/design/edits.ts';
import type { Design } from '../../../shared/design/model.ts';
import { checkDesign } from '../../../shared/template/design-checks.ts';

// Switching a board load balancer to Network carries its listeners and target groups to layer 4 (and back), so
// the inspector's type select is accepted by the rules that refuse HTTP on an NLB.

function design(): Design {
  return {
    stacks: [{ name: 'web', region: 'us-east-1', parameters: {} }],
    resources: [
      { id: 0, stack: 0, logicalId: 'Vpc', kind: 'vpc', props: { cidr: '10.0.0.0/16' } },
      { id: 1, stack: 0, logicalId: 'SubnetA', kind: 'subnet', props: { vpc: 0, zone: 'us-east-1a', cidr: '10.0.1.0/24', mapPublicIp: true } },
      { id: 2, stack: 0, logicalId: 'SubnetB', kind: 'subnet', props: { vpc: 0, zone: 'us-east-1b', cidr: '10.0.2.0/24', mapPublicIp: true } },
      { id: 3, stack: 0, logicalId: 'Lb', kind: 'loadBalancer', props: { lbType: 'application', scheme: 'internal', subnets: [1, 2], crossZone: true, securityGroups: [] } },
      {
        id: 4, stack: 0, logicalId: 'Tg', kind: 'targetGroup',
        props: { protocol: 'HTTP', port: 80, targets: [], healthCheck: { intervalS: 30, healthyThreshold: 5, unhealthyThreshold: 2 }, algorithm: 'least_outstanding_requests', stickiness: false },
      },
      { id: 5, stack: 0, logicalId: 'Http', kind: 'listener', props: { loadBalancer: 3, port: 80, protocol: 'HTTP', forward: [{ targetGroup: 4, weight: 1 }] } },
      { id: 6, stack: 0, logicalId: 'Https', kind: 'listener', props: { loadBalancer: 3, port: 443, protocol: 'HTTPS', forward: [{ targetGroup: 4, weight: 1 }], certificate: 'arn:aws:acm:us-east-1:1:certificate/x' } },
    ],
    unmodelled: [],
    actions: [],
  } as Design;
}

const rules = (d: Design) => checkDesign(d);

describe('switching a load balancer between Application and Network', () => {
  it('to Network: HTTP becomes TCP, HTTPS becomes TLS with its certificate, the algorithm round robin', () => {
    const r = configureResource(design(), 'web/Lb', { lbType: 'network' }, rules);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const props = (id: string) => r.design.resources.find((x) => x.logicalId === id)!.props;
    expect(props('Http')).toMatchObject({ protocol: 'TCP' });
    expect(props('Https')).toMatchObject({ protocol: 'TLS', certificate: 'arn:aws:acm:us-east-1:1:certificate/x' });
    expect(props('Tg')).toMatchObject({ protocol: 'TCP', algorithm: 'round_robin' });
    const back = configureResource(r.design, 'web/Lb', { lbType: 'application' }, rules);
    expect(back.ok && back.design.resources.find((x) => x.logicalId === 'Https')!.props).toMatchObject({ protocol: 'HTTPS' });
  });
});

describe('a Gateway Load Balancer or a Classic ELB keeps its type', () => {
  function withType(lbType: 'application' | 'gateway', awsType?: string): Design {
    const d = design();
    const lb = d.resources[3]!;
    d.resources[3] = { ...lb, props: { ...lb.props, lbType }, ...(awsType ? { awsType } : {}) } as typeof lb;
    return d;
  }

  it('refuses a GWLB becoming an ALB or NLB, and an ALB becoming a GWLB, with a reason and no change', () => {
    for (const lbType of ['application', 'network']) {
      const r = configureResource(withType('gateway'), 'web/Lb', { lbType }, rules);
      expect(r.ok ? undefined : r.refusal).toMatchObject({ code: 'design-rule', detail: 'gwlb-type-fixed' });
      expect(r.ok ? '' : r.refusal.message).toContain('Type requires replacement');
    }
    const into = configureResource(design(), 'web/Lb', { lbType: 'gateway' }, rules);
    expect(into.ok ? undefined : into.refusal).toMatchObject({ code: 'design-rule', detail: 'lb-type-not-gateway' });
  });

  it('refuses a Classic ELB becoming an NLB', () => {
    const r = configureResource(withType('application', 'AWS::ElasticLoadBalancing::LoadBalancer'), 'web/Lb', { lbType: 'network' }, rules);
    expect(r.ok ? undefined : r.refusal).toMatchObject({ code: 'design-rule', detail: 'classic-type-fixed' });
  });
});
