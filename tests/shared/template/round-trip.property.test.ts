// load → export → load is the identity on a design: every generated valid design, exported to a manifest and
// YAML templates and loaded again, is the same design (same resources, same ids, same props).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designArbitrary } from './design-arbitrary.ts';
import { exportDesign, loadDesign, templateToYaml } from '../../../shared/template/index.ts';
import { errors, plain, reload } from './load-helpers.ts';

/** An export as the text of its files: the manifest, then each template as YAML. */
const exportText = (design: Parameters<typeof exportDesign>[0]) => {
  const exported = exportDesign(design);
  return [templateToYaml(exported.manifest), ...Object.values(exported.templates).map(templateToYaml)].join('---\n');
};

/** Errors that would mean the exporter wrote something the loader cannot follow. */
const CODEC_ERRORS = ['internal-error', 'missing-reference', 'reference-kind', 'template-parse', 'invalid-value', 'invalid-intrinsic'];

describe('export then load', () => {
  it('gives back every generated design', () => {
    fc.assert(
      fc.property(designArbitrary, (design) => {
        const again = reload(design);
        expect(errors(again).filter((i) => CODEC_ERRORS.includes(i.code))).toEqual([]);
        expect(plain(again.design)).toEqual(plain(design));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('exports a loaded export as the same text', () => {
    fc.assert(
      fc.property(designArbitrary, (design) => {
        const once = reload(design).design!;
        expect(exportText(reload(once).design!)).toBe(exportText(once));
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('is stable: a second round changes nothing', () => {
    fc.assert(
      fc.property(designArbitrary, (design) => {
        const once = reload(design).design!;
        expect(plain(reload(once).design)).toEqual(plain(once));
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

// Templates as people write them: lists whose items are written through parameters, !Select of !GetAZs or of a
// list parameter, attributes and resource references, in any order — an ALB's Subnets and SecurityGroups, an
// instance's SecurityGroupIds or its primary NetworkInterface, a group's AvailabilityZones. Loaded and exported,
// each such list is written item for item as its author wrote it, and the export is a fixed point of the loader.

/** Per zone of us-east-1, the ways a template names its default subnet. */
const SUBNET_FORMS: unknown[][] = [
  [{ Ref: 'SubnetOne' }, 'subnet-default-us-east-1a', { 'Fn::Select': [0, { Ref: 'Subnets' }] }],
  [{ Ref: 'SubnetTwo' }, 'subnet-default-us-east-1b', { 'Fn::Select': [1, { Ref: 'Subnets' }] }],
  [{ 'Fn::Select': [2, { Ref: 'Subnets' }] }, 'subnet-default-us-east-1c'],
];
/**
 * An instance's subnet through a parameter or !Select. (A literal default subnet of the first zone is where AWS
 * would place the instance anyway: the export leaves that SubnetId out, as export-faithful.test.ts says.)
 */
const NAMED_SUBNET_FORMS = SUBNET_FORMS.map((forms) => forms.filter((f) => typeof f !== 'string'));
/** Per zone, the ways a template names the zone itself. */
const ZONE_FORMS: unknown[][] = [0, 1, 2].map((i) => [`us-east-1${'abc'[i]}`, { 'Fn::Select': [i, { 'Fn::GetAZs': '' }] }, { 'Fn::Select': [i, { 'Fn::GetAZs': { Ref: 'AWS::Region' } }] }]);
/**
 * The groups a load balancer names (the template's own, the account's default through a parameter or its id).
 * (A group of the default VPC named by !GetAtt Web.GroupId is written back as !Ref Web: the model keeps which
 * group, not which of the two ways the template named it.)
 */
const GROUP_FORMS: unknown[][] = [[{ Ref: 'Web' }], [{ Ref: 'GroupOne' }, 'sg-default-us-east-1']];
/** The groups an instance names by id (SecurityGroupIds): the account's default, through a parameter or not. */
const ID_FORMS: unknown[][] = [[{ Ref: 'GroupOne' }, 'sg-default-us-east-1']];

/** Some of the choices (at least `min`), one form each, in any order. */
const itemsOf = (choices: unknown[][], min: number) =>
  fc
    .tuple(fc.subarray(choices.map((_, i) => i), { minLength: min }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }))
    .chain(([picked, at]) => fc.shuffledSubarray(picked.map((i) => choices[i]![at[i]! % choices[i]!.length]), { minLength: picked.length }));

const listTemplate = fc
  .record({ lbSubnets: itemsOf(SUBNET_FORMS, 2), lbGroups: itemsOf(GROUP_FORMS, 1), ids: itemsOf(ID_FORMS, 1), zones: itemsOf(ZONE_FORMS, 1), nic: fc.boolean(), nicSubnet: itemsOf(NAMED_SUBNET_FORMS, 1) })
  .map(({ lbSubnets, lbGroups, ids, zones, nic, nicSubnet }) => ({
    Parameters: {
      SubnetOne: { Type: 'AWS::EC2::Subnet::Id' },
      SubnetTwo: { Type: 'AWS::EC2::Subnet::Id' },
      Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' },
      GroupOne: { Type: 'AWS::EC2::SecurityGroup::Id' },
    },
    Resources: {
      Web: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'web' } },
      Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: lbSubnets, SecurityGroups: lbGroups } },
      Server: {
        Type: 'AWS::EC2::Instance',
        Properties: nic
          ? { ImageId: 'ami-12345678', NetworkInterfaces: [{ DeviceIndex: '0', AssociatePublicIpAddress: true, SubnetId: nicSubnet[0], GroupSet: ids }] }
          : { ImageId: 'ami-12345678', SubnetId: nicSubnet[0], SecurityGroupIds: ids },
      },
      Launch: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { ImageId: 'ami-12345678', SecurityGroupIds: ids } } },
      Group: {
        Type: 'AWS::AutoScaling::AutoScalingGroup',
        Properties: { MinSize: '1', MaxSize: '2', LaunchTemplate: { LaunchTemplateId: { Ref: 'Launch' }, Version: { 'Fn::GetAtt': ['Launch', 'LatestVersionNumber'] } }, AvailabilityZones: zones },
      },
    },
  }));

const VALUES = { SubnetOne: 'subnet-default-us-east-1a', SubnetTwo: 'subnet-default-us-east-1b', GroupOne: 'sg-default-us-east-1' };

describe('lists written item by item through parameters, !Select and references', () => {
  it('export each list as its author wrote it, and the export is a fixed point', () => {
    fc.assert(
      fc.property(listTemplate, (template) => {
        const first = loadDesign({ stacks: [{ name: 'web', region: 'us-east-1', template, parameters: VALUES }] }, () => undefined);
        expect(errors(first)).toEqual([]);
        const exported = exportDesign(first.design!).templates['web']!;
        const props = (id: string) => ((exported['Resources'] as Record<string, { Properties: Record<string, unknown> }>)[id]!.Properties);
        const written = (id: string) => template.Resources[id as keyof typeof template.Resources].Properties as Record<string, unknown>;
        expect(props('Lb')['Subnets']).toEqual(written('Lb')['Subnets']);
        expect(props('Lb')['SecurityGroups']).toEqual(written('Lb')['SecurityGroups']);
        expect(props('Group')['AvailabilityZones']).toEqual(written('Group')['AvailabilityZones']);
        expect((props('Launch')['LaunchTemplateData'] as Record<string, unknown>)['SecurityGroupIds']).toEqual((written('Launch')['LaunchTemplateData'] as Record<string, unknown>)['SecurityGroupIds']);
        for (const key of ['SubnetId', 'SecurityGroupIds', 'NetworkInterfaces']) expect(props('Server')[key]).toEqual(written('Server')[key]);
        const text = exportText(first.design!);
        const again = reload(first.design!);
        expect(errors(again)).toEqual([]);
        expect(exportText(again.design!)).toBe(text);
        expect(plain(again.design)).toEqual(plain(first.design));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('keep the form of each item still there after the player changes the list; the new items are values', () => {
    const template = {
      Parameters: { SubnetOne: { Type: 'AWS::EC2::Subnet::Id' }, SubnetTwo: { Type: 'AWS::EC2::Subnet::Id' } },
      Resources: { Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: [{ Ref: 'SubnetOne' }, { Ref: 'SubnetTwo' }] } } },
    };
    const design = loadDesign({ stacks: [{ name: 'web', region: 'us-east-1', template, parameters: { SubnetOne: 'subnet-default-us-east-1a', SubnetTwo: 'subnet-default-us-east-1b' } }] }, () => undefined).design!;
    const lb = design.resources.find((r) => r.logicalId === 'Lb')! as { props: { subnets: number[] } };
    const zoneC = design.resources.find((r) => r.logicalId === 'DefaultSubnetC')!.id;
    lb.props.subnets = [lb.props.subnets[1]!, zoneC];
    const lbProps = (exportDesign(design).templates['web']!['Resources'] as Record<string, { Properties: Record<string, unknown> }>)['Lb']!.Properties;
    expect(lbProps['Subnets']).toEqual([{ Ref: 'SubnetTwo' }, 'subnet-default-us-east-1c']);
  });
});
