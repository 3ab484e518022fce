// Peering two VPCs or attaching one to a Transit Gateway on the board writes the routes the connection needs
// (a peering carries nothing without a route to the peer's range in both VPCs' route tables; an attachment
// needs one route to the hub): each a CreateRoute step of the gesture, taken away again by disconnecting.

import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { planConnect } from '../../../shared/design/plans/connect.ts';
import { applyPlan } from '../../../shared/design/plans/plan.ts';
import { apiCallOfStep } from '../../../shared/match/api-calls.ts';
import { findByRef } from '../../../shared/design/edits.ts';

function design(): Design {
  return {
    stacks: [{ name: 'web', region: 'us-east-1', parameters: {} }, { name: 'data', region: 'us-east-1', parameters: {} }],
    resources: [
      { id: 0, stack: 0, logicalId: 'Vpc', kind: 'vpc', props: { cidr: '10.1.0.0/16' } },
      { id: 1, stack: 0, logicalId: 'A', kind: 'subnet', props: { vpc: 0, zone: 'us-east-1a', cidr: '10.1.1.0/24', mapPublicIp: true } },
      { id: 2, stack: 0, logicalId: 'Routes', kind: 'routeTable', props: { vpc: 0 } },
      { id: 3, stack: 1, logicalId: 'Vpc', kind: 'vpc', props: { cidr: '10.0.0.0/16' } },
      { id: 4, stack: 1, logicalId: 'B', kind: 'subnet', props: { vpc: 3, zone: 'us-east-1a', cidr: '10.0.1.0/24', mapPublicIp: false } },
      { id: 5, stack: 1, logicalId: 'Routes', kind: 'routeTable', props: { vpc: 3 } },
      { id: 6, stack: 1, logicalId: 'Hub', kind: 'transitGateway', props: {} },
    ],
    unmodelled: [],
    actions: [],
  };
}

const noRules = () => [];
const routesOf = (d: Design) => d.resources.filter((r) => r.kind === 'route').map((r) => r.props);

describe('connecting VPCs writes their routes', () => {
  it("peers two VPCs with a route to the peer's range in both tables, each a CreateRoute call", () => {
    const plan = planConnect(design(), 'web/Vpc', 'data/Vpc');
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const kindOf = (ref: string) => findByRef(design(), ref)?.kind;
    expect(plan.steps.map((s) => apiCallOfStep(s, kindOf).action)).toEqual(['ec2:CreateVpcPeeringConnection', 'ec2:CreateRoute', 'ec2:CreateRoute']);
    const applied = applyPlan(design(), plan.steps, noRules);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const peering = applied.design.resources.find((r) => r.kind === 'vpcPeering')!.id;
    expect(routesOf(applied.design)).toEqual([
      { routeTable: 2, destination: '10.0.0.0/16', peering },
      { routeTable: 5, destination: '10.1.0.0/16', peering },
    ]);
    const undo = planConnect(applied.design, 'data/Vpc', 'web/Vpc', true);
    expect(undo.ok).toBe(true);
    if (!undo.ok) return;
    const back = applyPlan(applied.design, undo.steps, noRules);
    expect(back.ok && back.design.resources.some((r) => r.kind === 'route' || r.kind === 'vpcPeering')).toBe(false);
  });

  it("gives an attached VPC's tables one route to the hub for its /8", () => {
    const plan = planConnect(design(), 'data/Hub', 'web/Vpc');
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const applied = applyPlan(design(), plan.steps, noRules);
    expect(applied.ok && routesOf(applied.design)).toEqual([{ routeTable: 2, destination: '10.0.0.0/8', transitGateway: 6 }]);
    if (!applied.ok) return;
    const undo = planConnect(applied.design, 'web/Vpc', 'data/Hub', true);
    const back = undo.ok ? applyPlan(applied.design, undo.steps, noRules) : undo;
    expect(back.ok && back.design.resources.some((r) => r.kind === 'route' || r.kind === 'transitGatewayAttachment')).toBe(false);
  });
});
