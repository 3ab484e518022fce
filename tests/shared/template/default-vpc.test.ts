// The account's default VPC: as AWS creates it, on the board only when a stack uses it, where AWS puts what a
// template leaves unplaced, never exported, refused where a scenario deleted it, and carrying traffic.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../../shared/design/model.ts';
import { checkDesignShape } from '../../../shared/design/schema.ts';
import { boardLines, boardPieces } from '../../../shared/match/board-view.ts';
import { applyBoardPlan, changeStacks, planOf } from '../../../shared/match/apply-design.ts';
import { matchIntentSchema } from '../../../shared/match/intents.ts';
import { buildBoardModel } from '../../../client/view/board-model.ts';
import { boardOf } from '../../client/board-fixture.ts';
import { parseScenarioText, type Scenario } from '../../../shared/scenario/index.ts';
import { runScenario } from '../../../shared/sim/index.ts';
import { defaultVpcTemplate } from '../../../shared/account/default-vpc.ts';
import { exportDesign, loadDesign, parseTemplateText, subnetIsPublic } from '../../../shared/template/index.ts';
import { byLogicalId, codes, errors, idOf, loadTemplate, plain, reload } from './load-helpers.ts';

const FIXTURES = 'tests/fixtures/account-templates/';
const fixture = (name: string) => readFileSync(FIXTURES + name, 'utf8');

function scenario(id: string): Scenario {
  const parsed = parseScenarioText(readFileSync(`assets/scenarios/${id}.yaml`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.scenario;
}

/** The classic ELB given the stack's own subnets instead of zones. */
function withOwnSubnets(body: { Properties: object }) {
  const { AvailabilityZones: _zones, ...rest } = body.Properties as Record<string, unknown>;
  return { ...body, Properties: { ...rest, Subnets: ['DefaultSubnetA', 'DefaultSubnetB', 'DefaultSubnetC'].map((Ref) => ({ Ref })) } };
}

const accountStack = (design: Design | undefined) => design?.stacks.findIndex((s) => s.account) ?? -1;
const logicalIdsOf = (design: Design, ids: number[]) => ids.map((id) => design.resources[id]!.logicalId);

describe('the default VPC', () => {
  it('is built as AWS builds it: 172.31.0.0/16, a public /20 per zone in zone order, gateway, main route, default group', () => {
    const result = loadTemplate(fixture('single-instance-default-vpc.yaml'));
    expect(errors(result)).toEqual([]);
    const design = result.design!;
    const stack = accountStack(design);
    expect(design.stacks[stack]).toEqual({ name: 'account:us-east-1', region: 'us-east-1', parameters: {}, account: true });
    expect(byLogicalId(design, 'DefaultVpc', 'vpc').props.cidr).toBe('172.31.0.0/16');
    const subnets = design.resources.filter((r) => r.kind === 'subnet' && r.stack === stack);
    expect(subnets.map((s) => s.kind === 'subnet' && [s.props.zone, s.props.cidr, s.props.mapPublicIp])).toEqual([
      ['us-east-1a', '172.31.0.0/20', true],
      ['us-east-1b', '172.31.16.0/20', true],
      ['us-east-1c', '172.31.32.0/20', true],
    ]);
    for (const s of subnets) expect(subnetIsPublic(design, s.id)).toBe(true);
    expect(byLogicalId(design, 'MainRouteToInternet', 'route').props).toMatchObject({ destination: '0.0.0.0/0', gateway: idOf(design, 'DefaultInternetGateway', stack) });
    expect(byLogicalId(design, 'DefaultSecurityGroup', 'securityGroup').props.vpc).toBe(idOf(design, 'DefaultVpc', stack));
    // The account's resources come after the stacks' own: the stacks' ids never depend on it.
    expect(Math.min(...design.resources.filter((r) => r.stack === stack).map((r) => r.id))).toBeGreaterThan(idOf(design, 'WebServer'));
    expect(checkDesignShape(plain(design))).toEqual({ ok: true, design: plain(design) });
  });

  it("is not a gesture's to change, delete from or add to; a gesture may place into it", () => {
    const design = loadTemplate(fixture('single-instance-default-vpc.yaml')).design!;
    const account = design.stacks[accountStack(design)]!.name;
    const context = { simS: 0, durationS: 3600 };
    for (const intent of [
      { type: 'remove', ref: `${account}/DefaultSubnetA` },
      { type: 'delete', target: `${account}/DefaultVpc` },
      { type: 'configure', target: `${account}/DefaultSubnetB`, props: { mapPublicIp: false } },
      { type: 'createResource', stack: account, kind: 'bucket', props: { websiteHosting: false } },
    ] as const) {
      const plan = planOf(design, intent as never, context);
      const applied = plan.ok ? applyBoardPlan(design, plan) : plan;
      expect(applied.ok, intent.type).toBe(false);
      if (!applied.ok) expect(applied.refusal.code, intent.type).toMatch(/account-resource|dependency-violation/);
    }
    const configure = applyBoardPlan(design, { ok: true, steps: [{ op: 'update', ref: `${account}/DefaultSubnetB`, props: { mapPublicIp: false } }] });
    expect(configure.ok ? 'applied' : configure.refusal.code).toBe('account-resource');
    // An instance placed into a default subnet is the player's own.
    const placed = planOf(design, { type: 'place', entry: 'instance', target: { subnet: `${account}/DefaultSubnetA` } } as never, context);
    expect(placed.ok && applyBoardPlan(design, placed).ok).toBe(true);
  });

  it('takes an instance without a subnet into its AvailabilityZone default subnet, or the first zone', () => {
    const design = loadTemplate(fixture('single-instance-default-vpc.yaml')).design!;
    const server = byLogicalId(design, 'WebServer', 'instance');
    expect(design.resources[server.props.subnet]!.logicalId).toBe('DefaultSubnetB');
    // A group without VpcId is in the default VPC: the board leaves its vpc implicit.
    expect(byLogicalId(design, 'WebServerSecurityGroup', 'securityGroup').props.vpc).toBeUndefined();
    expect(server.props.securityGroups).toEqual([idOf(design, 'WebServerSecurityGroup')]);
    const bare = loadTemplate({ Resources: { Web: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', InstanceType: 't3.micro' } } } }, { region: 'eu-west-1' });
    expect(errors(bare)).toEqual([]);
    expect(bare.design!.resources[byLogicalId(bare.design, 'Web', 'instance').props.subnet]!.logicalId).toBe('DefaultSubnetA');
    expect(bare.design!.stacks[1]!.name).toBe('account:eu-west-1');
  });

  it('is not on the board of a design that does not use it (existing designs are unchanged)', () => {
    const own = loadTemplate({
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
        Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-1a' } },
        Group: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'g' } },
      },
    });
    expect(errors(own)).toEqual([]);
    expect(own.design!.stacks.map((s) => s.name)).toEqual(['test']);
    expect(own.design!.resources.map((r) => r.logicalId)).toEqual(['Vpc', 'Subnet', 'Group']);
  });

  it('puts a classic ELB given zones and a group given zones in those zones\u2019 default subnets', () => {
    const elb = loadTemplate(fixture('classic-elb-across-azs.yaml'));
    expect(errors(elb)).toEqual([]);
    const lb = byLogicalId(elb.design, 'LoadBalancer', 'loadBalancer');
    expect(logicalIdsOf(elb.design!, lb.props.subnets)).toEqual(['DefaultSubnetA', 'DefaultSubnetB', 'DefaultSubnetC']);
    expect(lb.props).toMatchObject({ crossZone: true, zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] });
    expect(byLogicalId(elb.design, 'LoadBalancerTargets', 'targetGroup').props.healthCheck).toEqual({ intervalS: 10, healthyThreshold: 2, unhealthyThreshold: 3, path: '/health' });

    const asg = loadTemplate(fixture('launch-configuration-asg.yaml'), { parameters: { Zones: ['us-east-1c', 'us-east-1a'] } });
    expect(errors(asg)).toEqual([]);
    const group = byLogicalId(asg.design, 'WebGroup', 'autoScalingGroup');
    expect(logicalIdsOf(asg.design!, group.props.subnets)).toEqual(['DefaultSubnetC', 'DefaultSubnetA']);
    expect(group.props).toMatchObject({ min: 2, healthCheckType: 'ELB', launchTemplate: idOf(asg.design, 'WebConfig'), targetGroups: [idOf(asg.design, 'WebBalancerTargets')] });
    expect(byLogicalId(asg.design, 'WebBalancerTargets', 'targetGroup').props.port).toBe(8080);
  });

  it('is AWS\u2019s, not a stack\u2019s: never exported, named by physical id, and an export loads back to the same design', () => {
    for (const [file, parameters] of [
      ['single-instance-default-vpc.yaml', {}],
      ['classic-elb-across-azs.yaml', {}],
      ['launch-configuration-asg.yaml', { Zones: 'us-east-1b,us-east-1c' }],
      ['typed-parameters-alb.yaml', { OperatorEmail: 'ops@example.com' }],
    ] as const) {
      const design = loadTemplate(fixture(file), { parameters }).design!;
      const exported = exportDesign(design);
      expect(exported.manifest.stacks.map((s) => s.name)).toEqual(['test']);
      expect(Object.keys(exported.templates)).toEqual(['test']);
      const again = reload(design);
      expect(errors(again)).toEqual([]);
      expect(plain(again.design)).toEqual(plain(design));
    }
    const exported = exportDesign(loadTemplate(fixture('classic-elb-across-azs.yaml')).design!).templates['test']!;
    const resources = exported['Resources'] as Record<string, { Properties: Record<string, unknown> }>;
    // Zones alone, as written; the instances, as written, name no subnet (AWS puts them in their zone's default one).
    expect(resources['LoadBalancer']!.Properties['Subnets']).toBeUndefined();
    expect(resources['LoadBalancer']!.Properties['AvailabilityZones']).toEqual({ 'Fn::GetAZs': '' });
    expect(resources['WebA']!.Properties['SubnetId']).toBeUndefined();
    expect(resources['WebB']!.Properties).toMatchObject({ InstanceType: 't3.small', AvailabilityZone: { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] } });
    expect(JSON.stringify(exported)).not.toContain('account:');
  });

  it('is named by its physical ids in a template or a manifest', () => {
    const named = loadTemplate({
      Parameters: { Subnet: { Type: 'AWS::EC2::Subnet::Id' } },
      Resources: {
        A: { Type: 'AWS::EC2::Instance', Properties: { SubnetId: 'subnet-default-us-east-1c' } },
        B: { Type: 'AWS::EC2::Instance', Properties: { SubnetId: { Ref: 'Subnet' } } },
      },
    }, { parameters: { Subnet: 'subnet-default-us-east-1b' } });
    expect(errors(named)).toEqual([]);
    expect(named.design!.resources[byLogicalId(named.design, 'A', 'instance').props.subnet]!.logicalId).toBe('DefaultSubnetC');
    expect(named.design!.resources[byLogicalId(named.design, 'B', 'instance').props.subnet]!.logicalId).toBe('DefaultSubnetB');
  });

  it('where a scenario deleted it, what needs it is refused with AWS\u2019s words and typed parameters have nothing to offer', () => {
    const account = { defaultVpcDeletedIn: ['us-east-1'] };
    const load = (file: string) => loadDesign({ stacks: [{ name: 'web', region: 'us-east-1', template: file }] }, (p) => fixture(p), { account });
    const single = load('single-instance-default-vpc.yaml');
    expect(errors(single).map((i) => [i.code, i.logicalId])).toEqual([
      ['no-default-vpc', 'WebServerSecurityGroup'],
      ['no-default-vpc', 'WebServer'],
    ]);
    expect(errors(single)[0]!.message).toMatch(/^No default VPC for this user/);
    expect(single.design!.stacks.some((s) => s.account)).toBe(false);
    expect(codes(load('classic-elb-across-azs.yaml'), 'error')).toContain('no-default-vpc');
    const typed = errors(load('typed-parameters-alb.yaml'));
    expect(typed.filter((i) => i.code === 'parameter-missing').map((i) => /\[(\w+)\]/.exec(i.message)?.[1])).toEqual(['VpcId', 'Subnets', 'WebGroupId', 'OperatorEmail']);
    // Another region keeps its own.
    const elsewhere = loadDesign({ stacks: [{ name: 'web', region: 'eu-west-1', template: 'single-instance-default-vpc.yaml' }] }, (p) => fixture(p), { account });
    expect(errors(elsewhere)).toEqual([]);
  });

  it('cannot be deleted, replaced or deployed over as a stack: its name is no stack name a player can send', () => {
    for (const intent of [
      { type: 'deleteStack', stack: 'account:us-east-1' },
      { type: 'deployStack', stack: 'account:us-east-1', region: 'us-east-1', template: 'Resources: {}' },
      { type: 'createStack', stack: 'account:us-east-1', region: 'us-east-1' },
    ]) {
      expect(matchIntentSchema.safeParse(intent).success).toBe(false);
      // The same intent for a stack of the player's is well formed: only the name refuses it.
      expect(matchIntentSchema.safeParse({ ...intent, stack: 'web' }).success).toBe(true);
    }
  });

  it('carries traffic like any VPC, costs nothing, and the board and a deploy take it as it is', () => {
    const design = loadTemplate(fixture('classic-elb-across-azs.yaml')).design!;
    const run = runScenario(design, scenario('one-web-server'), { seed: 1 });
    expect(run.availability).toBeGreaterThan(0.99);
    const without = runScenario(
      { ...design, resources: design.resources.map((r) => (r.kind === 'route' ? { ...r, props: { ...r.props, destination: '10.9.0.0/16' } } : r)) },
      scenario('one-web-server'),
      { seed: 1 },
    );
    // Without its 0.0.0.0/0 route to the internet gateway nothing reaches the default subnets: the route serves.
    expect(without.availability).toBe(0);
    // The same network written in the stack itself: same traffic, same bill (the account adds nothing).
    const template = defaultVpcTemplate('us-east-1') as { Resources: Record<string, unknown> };
    const ownNetwork = loadTemplate({
      Resources: {
        ...template.Resources,
        WebA: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 't3.small', SubnetId: { Ref: 'DefaultSubnetA' } } },
        WebB: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 't3.small', SubnetId: { Ref: 'DefaultSubnetB' } } },
        LoadBalancer: withOwnSubnets((parseTemplateText(fixture('classic-elb-across-azs.yaml')).value as { Resources: Record<string, { Properties: object }> }).Resources['LoadBalancer']!),
      },
    });
    expect(ownNetwork.design!.stacks.some((s) => s.account)).toBe(false);
    const own = runScenario(ownNetwork.design!, scenario('one-web-server'), { seed: 1 });
    expect(run.costUsd).toBeCloseTo(own.costUsd, 9);
    expect(run.availability).toBeCloseTo(own.availability, 9);
    const pieces = boardPieces(design);
    expect(pieces.filter((p) => p.stack === 'account:us-east-1').length).toBe(design.resources.filter((r) => design.stacks[r.stack]?.account).length);
    expect(() => boardLines(design)).not.toThrow();
    // The client's board model takes it like any stack: users enter at the classic ELB in the default subnets.
    const model = buildBoardModel(boardOf(design));
    expect(model.entries.map((r) => model.byRef.get(r)!.kind)).toEqual(['loadBalancer']);
    // A second stack deployed beside it names a default subnet; the design is re-read with the account again.
    const second = 'Resources:\n  Extra:\n    Type: AWS::EC2::Instance\n    Properties: {SubnetId: subnet-default-us-east-1c, InstanceType: t3.micro}\n';
    const deployed = changeStacks(design, { type: 'deployStack', stack: 'extra', region: 'us-east-1', template: second } as never);
    expect(deployed.ok).toBe(true);
    if (!deployed.ok) return;
    expect(deployed.design.stacks.filter((s) => s.account).map((s) => s.name)).toEqual(['account:us-east-1']);
    const extra = deployed.design.resources.find((r) => r.logicalId === 'Extra');
    expect(extra?.kind === 'instance' && deployed.design.resources[extra.props.subnet]?.logicalId).toBe('DefaultSubnetC');
  });
});

describe('an instance whose primary network interface names no subnet', () => {
  it('gets the default subnet of its zone, as AWS creates the interface there', () => {
    const result = loadTemplate({
      Resources: {
        Web: {
          Type: 'AWS::EC2::Instance',
          Properties: { InstanceType: 't3.micro', AvailabilityZone: 'us-east-1c', NetworkInterfaces: [{ DeviceIndex: '0', AssociatePublicIpAddress: true }] },
        },
      },
    });
    expect(errors(result)).toEqual([]);
    const web = byLogicalId(result.design, 'Web', 'instance');
    expect(result.design!.resources[web.props.subnet]!.logicalId).toBe('DefaultSubnetC');
    expect(plain(reload(result.design!).design)).toEqual(plain(result.design));
  });
});

describe('a subnet whose zone is known only when the stack runs', () => {
  it('is placed in the region\u2019s first zone and exports its zone as written', () => {
    const template = {
      Resources: {
        Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
        Zone: { Type: 'Custom::InstanceAZ', Properties: { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:az' } },
        Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24', AvailabilityZone: { 'Fn::GetAtt': ['Zone', 'AvailabilityZone'] } } },
      },
    };
    const result = loadTemplate(template, { region: 'sa-east-1' });
    expect(errors(result)).toEqual([]);
    expect(byLogicalId(result.design, 'Subnet', 'subnet').props.zone).toBe('sa-east-1a');
    const written = exportDesign(result.design!).templates['test']!['Resources'] as Record<string, { Properties: Record<string, unknown> }>;
    expect(written['Subnet']!.Properties['AvailabilityZone']).toEqual({ 'Fn::GetAtt': ['Zone', 'AvailabilityZone'] });
    expect(plain(reload(result.design!).design)).toEqual(plain(result.design));
  });
});

describe('placement in the default VPC, for any zones and any account', () => {
  it('puts each resource in the default subnets of its zones, or refuses it naming it; never anything else', () => {
    const zoneLike = fc.oneof(fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c', 'eu-west-1a', 'us-east-1z', ''), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.option(zoneLike, { nil: undefined }), fc.array(zoneLike, { maxLength: 4 }), fc.boolean(), (zone, zones, deleted) => {
        const template = {
          Resources: {
            Web: { Type: 'AWS::EC2::Instance', Properties: zone === undefined ? {} : { AvailabilityZone: zone } },
            Lb: { Type: 'AWS::ElasticLoadBalancing::LoadBalancer', Properties: { AvailabilityZones: zones, Listeners: [{ LoadBalancerPort: 80, InstancePort: 80, Protocol: 'HTTP' }] } },
            Group: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { AvailabilityZones: zones, LaunchConfigurationName: { Ref: 'Config' }, MinSize: 1, MaxSize: 2 } },
            Config: { Type: 'AWS::AutoScaling::LaunchConfiguration', Properties: { InstanceType: 't3.micro' } },
          },
        };
        const account = { defaultVpcDeletedIn: deleted ? ['us-east-1'] : [] };
        const result = loadDesign({ stacks: [{ name: 'web', region: 'us-east-1', template }] }, () => undefined, { account });
        expect(result.issues.some((i) => i.code === 'internal-error')).toBe(false);
        const design = result.design!;
        for (const r of design.resources) {
          const subnets = r.kind === 'instance' ? [r.props.subnet] : r.kind === 'loadBalancer' || r.kind === 'autoScalingGroup' ? r.props.subnets : [];
          for (const id of subnets) {
            const subnet = design.resources[id];
            expect(subnet?.kind).toBe('subnet');
            expect(design.stacks[subnet!.stack]!.account).toBe(true);
          }
        }
        const web = design.resources.find((r) => r.logicalId === 'Web');
        const wanted = zone === undefined ? 'us-east-1a' : zone;
        if (web?.kind === 'instance') expect(design.resources[web.props.subnet]!.kind === 'subnet' && (design.resources[web.props.subnet]!.props as { zone: string }).zone).toBe(wanted);
        else {
          // A zone of the region is refused only for want of a default VPC; any other for being no zone here.
          const inRegion = ['us-east-1a', 'us-east-1b', 'us-east-1c'].includes(wanted);
          expect(inRegion ? deleted : true).toBe(true);
          expect(errors(result).some((i) => i.logicalId === 'Web' && i.code === (inRegion ? 'no-default-vpc' : 'zone-not-in-region'))).toBe(true);
        }
        if (deleted) expect(design.stacks.some((s) => s.account)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
