import { describe, expect, it } from 'vitest';
import { configureResource, deleteResource, findByRef, moveResource, placeResource, withoutResources, MAX_DESIGN_RESOURCES } from '../../../shared/design/edits.ts';
import type { Design, DesignIssue } from '../../../shared/design/model.ts';
import { checkDesignShape } from '../../../shared/design/schema.ts';
import { dependentsOf, referencesOf } from '../../../shared/design/references.ts';

const noRules = (): DesignIssue[] => [];

function baseDesign(): Design {
  return {
    stacks: [{ name: 'web', region: 'us-east-1', parameters: {} }],
    resources: [
      { id: 0, stack: 0, logicalId: 'Vpc', kind: 'vpc', props: { cidr: '10.0.0.0/16' } },
      { id: 1, stack: 0, logicalId: 'SubnetA', kind: 'subnet', props: { vpc: 0, zone: 'us-east-1a', cidr: '10.0.1.0/24', mapPublicIp: true } },
      { id: 2, stack: 0, logicalId: 'SubnetB', kind: 'subnet', props: { vpc: 0, zone: 'us-east-1b', cidr: '10.0.2.0/24', mapPublicIp: true } },
      { id: 3, stack: 0, logicalId: 'Web', kind: 'instance', props: { instanceType: 't3.micro', subnet: 2, securityGroups: [] } },
    ],
    unmodelled: [],
    actions: [],
  };
}

describe('design edits', () => {
  it('places a resource whose references are given by name', () => {
    const design = baseDesign();
    const result = placeResource(design, { stack: 'web', kind: 'instance', props: { instanceType: 'm5.large', subnet: 'web/SubnetA', securityGroups: [] } }, noRules);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.resource).toMatchObject({ id: 4, logicalId: 'Instance1', props: { subnet: 1 } });
    expect(checkDesignShape(result.design).ok).toBe(true);
    expect(design.resources).toHaveLength(4); // the original is untouched
  });

  it('refuses unknown stacks, unknown references, ids as references, bad props and duplicate names', () => {
    const design = baseDesign();
    const place = (request: Parameters<typeof placeResource>[1]) => placeResource(design, request, noRules);
    expect(place({ stack: 'nope', kind: 'vpc', props: { cidr: '10.1.0.0/16' } })).toMatchObject({ ok: false, refusal: { code: 'unknown-stack' } });
    expect(place({ stack: 'web', kind: 'subnet', props: { vpc: 'web/Ghost', zone: 'us-east-1a', cidr: '10.0.9.0/24', mapPublicIp: false } })).toMatchObject({
      ok: false,
      refusal: { code: 'unknown-resource', detail: 'web/Ghost' },
    });
    expect(place({ stack: 'web', kind: 'subnet', props: { vpc: 0, zone: 'us-east-1a', cidr: '10.0.9.0/24', mapPublicIp: false } })).toMatchObject({
      ok: false,
      refusal: { code: 'unknown-resource' },
    });
    expect(place({ stack: 'web', kind: 'vpc', props: { cidr: 42 } })).toMatchObject({ ok: false, refusal: { code: 'invalid-properties', detail: expect.stringContaining('cidr') } });
    expect(place({ stack: 'web', kind: 'vpc', logicalId: 'Vpc', props: { cidr: '10.1.0.0/16' } })).toMatchObject({ ok: false, refusal: { code: 'duplicate-logical-id' } });
    expect(place({ stack: 'web', kind: 'vpc', props: null })).toMatchObject({ ok: false, refusal: { code: 'invalid-properties' } });
  });

  it('refuses what the design rules reject, with their message', () => {
    const rules = (d: Design): DesignIssue[] =>
      d.resources.length > 4 ? [{ severity: 'error', code: 'subnet-overlap', message: 'SubnetC overlaps SubnetA' }] : [];
    const result = placeResource(baseDesign(), { stack: 'web', kind: 'subnet', logicalId: 'SubnetC', props: { vpc: 'web/Vpc', zone: 'us-east-1c', cidr: '10.0.1.0/24', mapPublicIp: false } }, rules);
    expect(result).toMatchObject({ ok: false, refusal: { code: 'design-rule', message: 'SubnetC overlaps SubnetA', detail: 'subnet-overlap' } });
  });

  it('stops at the design size limit', () => {
    const design = baseDesign();
    for (let i = design.resources.length; i < MAX_DESIGN_RESOURCES; i++) {
      design.resources.push({ id: i, stack: 0, logicalId: `Bucket${i}`, kind: 'bucket', props: { websiteHosting: false } });
    }
    expect(placeResource(design, { stack: 'web', kind: 'bucket', props: { websiteHosting: false } }, noRules)).toMatchObject({ ok: false, refusal: { code: 'design-limit' } });
  });

  it('configures by merging properties, re-checking them', () => {
    const design = baseDesign();
    const result = configureResource(design, 'web/Web', { instanceType: 'c5.xlarge', subnet: 'web/SubnetA' }, noRules);
    expect(result).toMatchObject({ ok: true, resource: { props: { instanceType: 'c5.xlarge', subnet: 1, securityGroups: [] } } });
    expect(configureResource(design, 'web/Web', { securityGroups: 'none' }, noRules)).toMatchObject({ ok: false, refusal: { code: 'invalid-properties' } });
    expect(configureResource(design, 'web/Nobody', {}, noRules)).toMatchObject({ ok: false, refusal: { code: 'unknown-resource' } });
  });

  it('moves a resource on the board', () => {
    expect(moveResource(baseDesign(), 'web/Web', { x: 10, y: 20 })).toMatchObject({ ok: true, resource: { position: { x: 10, y: 20 } } });
  });

  it('refuses to delete what others depend on, and renumbers after a delete', () => {
    const design = baseDesign();
    expect(deleteResource(design, 'web/SubnetB', noRules)).toMatchObject({ ok: false, refusal: { code: 'dependency-violation', detail: 'web/Web' } });
    const result = deleteResource(design, 'web/SubnetA', noRules);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.design.resources.map((r) => r.id)).toEqual([0, 1, 2]);
    expect(findByRef(result.design, 'web/Web')?.props).toMatchObject({ subnet: 1 });
    expect(findByRef(result.design, 'web/SubnetB')?.id).toBe(1);
    expect(checkDesignShape(result.design).ok).toBe(true);
  });
});

describe('references', () => {
  it('lists what a resource points at, including nested and array references', () => {
    const design = baseDesign();
    expect(referencesOf(design.resources[3]!)).toEqual([2]);
    expect(dependentsOf(design.resources, 0).map((r) => r.logicalId)).toEqual(['SubnetA', 'SubnetB']);
    const listener = { id: 9, stack: 0, logicalId: 'L', kind: 'listener' as const, props: { loadBalancer: 5, port: 80, protocol: 'HTTP', forward: [{ targetGroup: 6, weight: 1 }, { targetGroup: 7, weight: 1 }] } };
    expect(referencesOf(listener)).toEqual([5, 6, 7]);
  });

  it('drops references to removed resources when renumbering', () => {
    const design = baseDesign();
    design.resources.push({ id: 4, stack: 0, logicalId: 'Alb', kind: 'loadBalancer', props: { lbType: 'application', scheme: 'internet-facing', subnets: [1, 2], crossZone: true, securityGroups: [] } });
    const after = withoutResources(design, new Set([1]));
    expect(findByRef(after, 'web/Alb')?.props).toMatchObject({ subnets: [1] });
  });
});
