import { describe, expect, it } from 'vitest';
import { CLASSIC_ELB } from '../../shared/catalogue/index.ts';
import { configureResource } from '../../shared/design/edits.ts';
import type { Design, Resource } from '../../shared/design/model.ts';
import { checkDesign } from '../../shared/template/design-checks.ts';
import { buildBoardModel } from '../../client/view/board-model.ts';
import { effectiveCrossZone, loadBalancerPanel, withWeight } from '../../client/view/lb-panel.ts';
import { boardOf } from './board-fixture.ts';

// The load balancer inspector's model: what the board shows of each kind of load balancer (listeners, rules,
// target groups) and what it offers to change, from the shared table of what each kind takes. Each value the
// panel offers is one the shared rules accept; each it leaves out, they refuse.

const HC = { intervalS: 30, healthyThreshold: 5, unhealthyThreshold: 2 };

function design(lbType: 'application' | 'network' | 'gateway', extra: Partial<Resource> = {}): Design {
  const gateway = lbType === 'gateway';
  return {
    stacks: [{ name: 'web', region: 'us-east-1', parameters: {} }],
    resources: [
      { id: 0, stack: 0, logicalId: 'Vpc', kind: 'vpc', props: { cidr: '10.0.0.0/16' } },
      { id: 1, stack: 0, logicalId: 'SubnetA', kind: 'subnet', props: { vpc: 0, zone: 'us-east-1a', cidr: '10.0.1.0/24', mapPublicIp: true } },
      { id: 2, stack: 0, logicalId: 'SubnetB', kind: 'subnet', props: { vpc: 0, zone: 'us-east-1b', cidr: '10.0.2.0/24', mapPublicIp: true } },
      { id: 3, stack: 0, logicalId: 'Lb', kind: 'loadBalancer', props: { lbType, scheme: 'internal', subnets: [1, 2], crossZone: lbType === 'application', securityGroups: [] }, ...extra },
      { id: 4, stack: 0, logicalId: 'Web', kind: 'targetGroup', props: { protocol: gateway ? 'GENEVE' : lbType === 'network' ? 'TCP' : 'HTTP', port: gateway ? 6081 : 80, targets: [], healthCheck: HC, algorithm: 'round_robin', stickiness: false } },
      { id: 5, stack: 0, logicalId: 'Api', kind: 'targetGroup', props: { protocol: 'HTTP', port: 80, targets: [], healthCheck: { ...HC, path: '/health' }, algorithm: 'least_outstanding_requests', stickiness: true, stickinessDurationS: 600, crossZone: false } },
      {
        id: 6, stack: 0, logicalId: 'Http', kind: 'listener',
        props: gateway
          ? { loadBalancer: 3, port: 80, protocol: 'HTTP', forward: [{ targetGroup: 4, weight: 1 }], allTraffic: true }
          : { loadBalancer: 3, port: 80, protocol: lbType === 'network' ? 'TCP' : 'HTTP', forward: lbType === 'application' ? [{ targetGroup: 4, weight: 9 }, { targetGroup: 5, weight: 1 }] : [{ targetGroup: 4, weight: 1 }] },
      },
      ...(lbType === 'application'
        ? [
            { id: 7, stack: 0, logicalId: 'ApiRule', kind: 'listenerRule', props: { listener: 6, priority: 20, pathPatterns: ['/api/*'], httpMethods: ['POST'], forward: [{ targetGroup: 5, weight: 1 }] } },
            { id: 8, stack: 0, logicalId: 'HostRule', kind: 'listenerRule', props: { listener: 6, priority: 10, pathPatterns: [], hostHeaders: ['admin.example.com'], httpHeaders: [{ name: 'X-Team', values: ['ops'] }], forward: [{ targetGroup: 5, weight: 1 }] } },
          ]
        : []),
    ],
    unmodelled: [],
    actions: [],
  } as Design;
}

function panelOf(d: Design) {
  const model = buildBoardModel(boardOf(d));
  const piece = model.pieces.get('web/Lb')!;
  return loadBalancerPanel(piece.resource, piece.parts);
}

const rules = (d: Design) => checkDesign(d);

describe('the load balancer panel', () => {
  it('shows an ALB: HTTP/HTTPS, rules by priority with their conditions, a weighted default action, per-group settings', () => {
    const panel = panelOf(design('application'));
    expect(panel.settings.family).toBe('application');
    expect(panel.settings.types).toEqual(['application', 'network']);
    const [l] = panel.listeners;
    expect(l!.protocols).toEqual(['HTTP', 'HTTPS']);
    expect(l!.defaultForward).toEqual([{ targetGroup: 'web/Web', weight: 9 }, { targetGroup: 'web/Api', weight: 1 }]);
    expect(l!.rules.map((r) => r.priority)).toEqual([10, 20]);
    expect(l!.rules[0]!.conditions).toEqual([
      { field: 'host', values: ['admin.example.com'] },
      { field: 'header', name: 'X-Team', values: ['ops'] },
    ]);
    expect(l!.rules[1]!.conditions).toEqual([
      { field: 'path', values: ['/api/*'] },
      { field: 'method', values: ['POST'] },
    ]);
    const api = panel.groups.find((g) => g.logicalId === 'Api')!;
    expect(api).toMatchObject({ algorithm: 'least_outstanding_requests', stickiness: true, stickinessDurationS: 600, crossZone: false, healthPath: '/health' });
    // Cross-zone is the target group's: on unless it turns it off, whatever the ALB's own attribute says.
    expect(effectiveCrossZone(panel, panel.groups.find((g) => g.logicalId === 'Web')!, false)).toBe(true);
    expect(effectiveCrossZone(panel, api, true)).toBe(false);
    expect(withWeight(l!.defaultForward, 'web/Api', 3)).toEqual([{ targetGroup: 'web/Web', weight: 9 }, { targetGroup: 'web/Api', weight: 3 }]);
  });

  it('offers an NLB only layer 4, round robin by flow, no cookies, cross-zone on the load balancer', () => {
    const panel = panelOf(design('network', { props: { lbType: 'network', scheme: 'internal', subnets: [1, 2], crossZone: false, securityGroups: [], elasticIps: 2 } } as Partial<Resource>));
    expect(panel.listeners[0]!.protocols).toEqual(['TLS', 'TCP', 'TCP_UDP', 'UDP']);
    expect(panel.settings.algorithms).toEqual(['round_robin']);
    expect(panel.settings.stickinessTypes).toEqual([]);
    expect(panel.settings.crossZoneOn).toBe('loadBalancer');
    expect(panel.settings.staticAddresses).toBe(true);
    expect(panel.elasticIps).toBe(2);
  });

  it('shows a GWLB as a GWLB whose type it cannot switch, with its one all-traffic listener and GENEVE appliances', () => {
    const panel = panelOf(design('gateway'));
    expect(panel.settings.family).toBe('gateway');
    expect(panel.settings.types).toEqual(['gateway']);
    expect(panel.listeners[0]!.allTraffic).toBe(true);
    expect(panel.groups[0]).toMatchObject({ protocol: 'GENEVE', port: 6081 });
  });

  it('shows a Classic ELB as classic: its listener and health check, no type to switch', () => {
    const panel = panelOf(design('application', { awsType: CLASSIC_ELB, props: { lbType: 'application', scheme: 'internal', subnets: [1, 2], crossZone: false, securityGroups: [] } } as Partial<Resource>));
    expect(panel.settings.family).toBe('classic');
    expect(panel.settings.types).toEqual(['application']);
    expect(panel.settings.healthCheckPath).toBe(true);
    expect(panel.settings.crossZoneOn).toBe('loadBalancer');
  });

  // The panel's options against the shared rules: what it offers is accepted, what it leaves out is refused.
  it('offers an ALB target group only what the rules accept, and an NLB none of what they refuse', () => {
    const alb = panelOf(design('application'));
    for (const algorithm of alb.settings.algorithms) expect(configureResource(design('application'), 'web/Web', { algorithm }, rules).ok).toBe(true);
    for (const stickinessType of alb.settings.stickinessTypes) expect(configureResource(design('application'), 'web/Web', { stickiness: true, stickinessType }, rules).ok).toBe(true);
    const nlbDesign = design('network');
    const nlb = panelOf(nlbDesign);
    for (const protocol of nlb.listeners[0]!.protocols.filter((p) => p !== 'TLS')) expect(configureResource(nlbDesign, 'web/Http', { protocol }, rules).ok).toBe(true);
    for (const algorithm of alb.settings.algorithms.filter((a) => !nlb.settings.algorithms.includes(a))) {
      const r = configureResource(nlbDesign, 'web/Web', { algorithm }, rules);
      expect(r.ok ? undefined : r.refusal.detail).toBe('nlb-algorithm');
    }
    for (const protocol of alb.listeners[0]!.protocols) {
      const r = configureResource(nlbDesign, 'web/Http', { protocol }, rules);
      expect(r.ok ? undefined : r.refusal.detail).toBe('nlb-listener-protocol');
    }
  });

  it('never offers a GWLB another type, and the rules refuse the switch either way with a reason', () => {
    for (const lbType of ['application', 'network']) {
      const r = configureResource(design('gateway'), 'web/Lb', { lbType }, rules);
      expect(r.ok ? undefined : r.refusal).toMatchObject({ code: 'design-rule', detail: 'gwlb-type-fixed' });
    }
    const into = configureResource(design('application'), 'web/Lb', { lbType: 'gateway' }, rules);
    expect(into.ok ? undefined : into.refusal).toMatchObject({ code: 'design-rule', detail: 'lb-type-not-gateway' });
    const classic = design('application', { awsType: CLASSIC_ELB } as Partial<Resource>);
    const c = configureResource(classic, 'web/Lb', { lbType: 'network' }, rules);
    expect(c.ok ? undefined : c.refusal).toMatchObject({ code: 'design-rule', detail: 'classic-type-fixed' });
  });
});
