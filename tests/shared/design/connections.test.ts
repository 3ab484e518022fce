import { describe, expect, it } from 'vitest';
import { connectionMeaning, connectResources, disconnectResources } from '../../../shared/design/connections.ts';
import { findByRef } from '../../../shared/design/edits.ts';
import type { Design, DesignIssue } from '../../../shared/design/model.ts';
import { checkDesignShape } from '../../../shared/design/schema.ts';

const noRules = (): DesignIssue[] => [];

function design(): Design {
  return {
    stacks: [{ name: 'web', region: 'us-east-1', parameters: {} }],
    resources: [
      { id: 0, stack: 0, logicalId: 'Vpc', kind: 'vpc', props: { cidr: '10.0.0.0/16' } },
      { id: 1, stack: 0, logicalId: 'A', kind: 'subnet', props: { vpc: 0, zone: 'us-east-1a', cidr: '10.0.1.0/24', mapPublicIp: true } },
      { id: 2, stack: 0, logicalId: 'B', kind: 'subnet', props: { vpc: 0, zone: 'us-east-1b', cidr: '10.0.2.0/24', mapPublicIp: true } },
      { id: 3, stack: 0, logicalId: 'Alb', kind: 'loadBalancer', props: { lbType: 'application', scheme: 'internet-facing', subnets: [1, 2], crossZone: true, securityGroups: [] } },
      { id: 4, stack: 0, logicalId: 'Tg', kind: 'targetGroup', props: { protocol: 'HTTP', port: 80, vpc: 0, targets: [], healthCheck: { intervalS: 30, healthyThreshold: 5, unhealthyThreshold: 2 }, algorithm: 'round_robin', stickiness: false } },
      { id: 5, stack: 0, logicalId: 'Lt', kind: 'launchTemplate', props: { instanceType: 't3.micro', securityGroups: [] } },
      { id: 6, stack: 0, logicalId: 'Asg', kind: 'autoScalingGroup', props: { launchTemplate: 5, subnets: [1, 2], min: 2, max: 6, desired: 2, targetGroups: [], healthCheckType: 'ELB', cooldownS: 300 } },
      { id: 7, stack: 0, logicalId: 'Other', kind: 'vpc', props: { cidr: '10.1.0.0/16' } },
      { id: 8, stack: 0, logicalId: 'Tgw', kind: 'transitGateway', props: {} },
    ],
    unmodelled: [],
    actions: [],
  };
}

describe('connections', () => {
  it('registers an Auto Scaling group with a target group, in either order', () => {
    for (const [a, b] of [['web/Asg', 'web/Tg'], ['web/Tg', 'web/Asg']] as const) {
      const result = connectResources(design(), a, b, noRules);
      expect(result.ok).toBe(true);
      if (result.ok) expect(findByRef(result.design, 'web/Asg')?.props).toMatchObject({ targetGroups: [4] });
    }
  });

  it('gives a load balancer without a listener an HTTP :80 listener forwarding to the group', () => {
    const result = connectResources(design(), 'web/Alb', 'web/Tg', noRules);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const listener = result.design.resources.find((r) => r.kind === 'listener');
    expect(listener?.props).toEqual({ loadBalancer: 3, port: 80, protocol: 'HTTP', forward: [{ targetGroup: 4, weight: 1 }] });
    expect(checkDesignShape(result.design).ok).toBe(true);
    // Connecting again does not add a second listener or a second forward.
    const again = connectResources(result.design, 'web/Alb', 'web/Tg', noRules);
    expect(again.ok && again.design.resources.filter((r) => r.kind === 'listener')).toHaveLength(1);
    const undone = disconnectResources(result.design, 'web/Alb', 'web/Tg', noRules);
    expect(undone.ok && undone.design.resources.find((r) => r.kind === 'listener')?.props).toMatchObject({ forward: [] });
  });

  it('peers two VPCs through a peering resource, and removes it on disconnect', () => {
    const result = connectResources(design(), 'web/Vpc', 'web/Other', noRules);
    expect(result.ok && result.design.resources.at(-1)).toMatchObject({ kind: 'vpcPeering', props: { vpc: 0, peerVpc: 7 } });
    if (!result.ok) return;
    const undone = disconnectResources(result.design, 'web/Other', 'web/Vpc', noRules);
    expect(undone.ok && undone.design.resources.some((r) => r.kind === 'vpcPeering')).toBe(false);
  });

  it('attaches a VPC to a transit gateway with one subnet per zone', () => {
    const result = connectResources(design(), 'web/Tgw', 'web/Vpc', noRules);
    expect(result.ok && result.design.resources.at(-1)).toMatchObject({ kind: 'transitGatewayAttachment', props: { transitGateway: 8, vpc: 0, subnets: [1, 2] } });
  });

  it('refuses pairs that mean nothing, self-connections and unknown names', () => {
    expect(connectResources(design(), 'web/A', 'web/Tg', noRules)).toMatchObject({ ok: false, refusal: { code: 'cannot-connect' } });
    expect(connectResources(design(), 'web/Vpc', 'web/Vpc', noRules)).toMatchObject({ ok: false, refusal: { code: 'cannot-connect' } });
    expect(connectResources(design(), 'web/Vpc', 'web/Nope', noRules)).toMatchObject({ ok: false, refusal: { code: 'unknown-resource' } });
  });

  it('refuses a connection the design rules reject', () => {
    const rules = (d: Design): DesignIssue[] =>
      d.resources.some((r) => r.kind === 'vpcPeering') ? [{ severity: 'error', code: 'peering-overlap', message: 'overlapping CIDRs cannot be peered' }] : [];
    expect(connectResources(design(), 'web/Vpc', 'web/Other', rules)).toMatchObject({ ok: false, refusal: { code: 'design-rule', detail: 'peering-overlap' } });
  });

  it('says what a connection means, for the board to offer', () => {
    expect(connectionMeaning('targetGroup', 'autoScalingGroup')).toBe('registers its instances with');
    expect(connectionMeaning('subnet', 'bucket')).toBeUndefined();
  });
});
