// The example designs in assets/designs load with zero errors, say what they promise, and survive export.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { loadDesign, subnetIsPublic } from '../../../shared/template/index.ts';
import { byLogicalId, errors, idOf, plain, reload } from './load-helpers.ts';

const DESIGNS = fileURLToPath(new URL('../../../assets/designs/', import.meta.url));

function loadExample(name: string) {
  const dir = join(DESIGNS, name);
  return loadDesign(readFileSync(join(dir, 'manifest.yaml'), 'utf8'), (path) => readFileSync(join(dir, path), 'utf8'));
}

const kinds = (design: Design, kind: string) => design.resources.filter((r) => r.kind === kind);

describe('example designs', () => {
  const names = readdirSync(DESIGNS).filter((n) => !n.startsWith('.'));

  it('are the five the campaign starts from', () => {
    expect(names.sort()).toEqual(['alb-asg-cloudfront', 'alb-asg-multi-az', 'single-instance', 'two-region-accelerator', 'two-region-failover']);
  });

  it.each(names)('%s loads with zero errors and zero warnings, and exports back to itself', (name) => {
    const result = loadExample(name);
    expect(errors(result)).toEqual([]);
    expect(result.issues.filter((i) => i.severity === 'warning')).toEqual([]);
    const again = reload(result.design!);
    expect(errors(again)).toEqual([]);
    expect(plain(again.design)).toEqual(plain(result.design));
  });

  it('single-instance: one t3.medium in a public subnet of us-east-1, nothing redundant', () => {
    const design = loadExample('single-instance').design!;
    const server = byLogicalId(design, 'WebServer', 'instance');
    expect(server.props.instanceType).toBe('t3.medium');
    expect(subnetIsPublic(design, server.props.subnet)).toBe(true);
    expect(design.stacks.map((s) => s.region)).toEqual(['us-east-1']);
    expect(kinds(design, 'loadBalancer')).toEqual([]);
    expect(kinds(design, 'autoScalingGroup')).toEqual([]);
  });

  it('alb-asg-multi-az: ALB over three public subnets, ASG 3–12 in three private ones, CPU alarms, Multi-AZ db.r6g.large', () => {
    const design = loadExample('alb-asg-multi-az').design!;
    const lb = byLogicalId(design, 'LoadBalancer', 'loadBalancer');
    expect(lb.props.scheme).toBe('internet-facing');
    expect(lb.props.subnets.map((s) => byLogicalId(design, design.resources[s]!.logicalId, 'subnet').props.zone)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(lb.props.subnets.every((s) => subnetIsPublic(design, s))).toBe(true);
    const group = byLogicalId(design, 'WebServerGroup', 'autoScalingGroup');
    expect(group.props).toMatchObject({ min: 3, max: 12, desired: 3, healthCheckType: 'ELB' });
    expect(group.props.subnets.some((s) => subnetIsPublic(design, s))).toBe(false);
    expect(byLogicalId(design, 'WebLaunchTemplate', 'launchTemplate').props.instanceType).toBe('m5.large');
    expect(byLogicalId(design, 'CpuHighAlarm', 'alarm').props).toMatchObject({ subject: group.id, alarmActions: [idOf(design, 'ScaleOutPolicy')] });
    expect(byLogicalId(design, 'Database', 'database').props).toMatchObject({ instanceClass: 'db.r6g.large', multiAz: true });
  });

  it('alb-asg-cloudfront: a distribution whose default origin is the ALB of the web stack, and a bucket origin', () => {
    const design = loadExample('alb-asg-cloudfront').design!;
    const distribution = byLogicalId(design, 'Distribution', 'distribution');
    expect(distribution.props.origins).toEqual([idOf(design, 'LoadBalancer', 0), idOf(design, 'StaticAssets', 1)]);
    expect(distribution.props).toMatchObject({ defaultTtlS: 60, priceClass: 'PriceClass_100' });
  });

  it('two-region-failover: the web tier in two regions, PRIMARY/SECONDARY records, a health check on the primary', () => {
    const design = loadExample('two-region-failover').design!;
    expect(design.stacks.map((s) => [s.name, s.region])).toEqual([
      ['web-east', 'us-east-1'],
      ['web-west', 'us-west-2'],
    ]);
    const records = kinds(design, 'recordSet').map((r) => (r.kind === 'recordSet' ? r : undefined)!);
    expect(records.map((r) => [r.props.policy, r.props.failover, r.props.ttlS, r.props.target])).toEqual([
      ['failover', 'PRIMARY', 60, idOf(design, 'LoadBalancer', 0)],
      ['failover', 'SECONDARY', 60, idOf(design, 'LoadBalancer', 1)],
    ]);
    const check = byLogicalId(design, 'PrimaryHealthCheck', 'healthCheck');
    expect(records[0]!.props.healthCheck).toBe(check.id);
    expect(check.props.target).toBe(idOf(design, 'LoadBalancer', 0));
    expect(records[1]!.props.healthCheck).toBeUndefined();
    const west = design.resources.find((r) => r.kind === 'database' && r.stack === 1);
    expect(west).toMatchObject({ props: { source: idOf(design, 'Database', 0), multiAz: false } });
  });

  it('two-region-accelerator: one endpoint group per region, each with its region’s load balancer', () => {
    const design = loadExample('two-region-accelerator').design!;
    const groups = kinds(design, 'endpointGroup').map((g) => (g.kind === 'endpointGroup' ? g.props : undefined)!);
    expect(groups.map((g) => [g.region, g.endpoints.map((e) => e.target)])).toEqual([
      ['us-east-1', [idOf(design, 'LoadBalancer', 0)]],
      ['us-west-2', [idOf(design, 'LoadBalancer', 1)]],
    ]);
    expect(kinds(design, 'recordSet')).toEqual([]);
    expect(kinds(design, 'accelerator')).toHaveLength(1);
  });
});
