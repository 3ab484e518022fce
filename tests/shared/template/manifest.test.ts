import { describe, expect, it } from 'vitest';
import { exportDesign, loadDesign, parseManifestText, templateToYaml } from '../../../shared/template/index.ts';
import { byLogicalId, errors, idOf, plain, reload } from './load-helpers.ts';

const NETWORK = `
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
Outputs:
  VpcId:
    Value: !Ref Vpc
    Export: {Name: !Sub "\${AWS::StackName}-vpc"}
`;
const APP = `
Parameters:
  Network: {Type: String}
Resources:
  Subnet:
    Type: AWS::EC2::Subnet
    Metadata: {FiveNines::Board: {x: 10, y: 20}, Owner: team-a}
    DeletionPolicy: Retain
    Properties:
      VpcId: {"Fn::ImportValue": !Sub "\${Network}-vpc"}
      CidrBlock: 10.0.1.0/24
      AvailabilityZone: us-east-1b
`;

const files: Record<string, string> = { 'net.yaml': NETWORK, 'templates/app.yaml': APP };
const read = (path: string) => files[path];

describe('manifests', () => {
  const manifestText = `
stacks:
  - name: net
    region: us-east-1
    template: net.yaml
  - name: app
    region: us-east-1
    template: templates/app.yaml
    parameters: {Network: net}
actions:
  - atS: 600
    intent: {type: scale, group: Group, desired: 4}
`;

  it('parse from YAML text and load stacks through the caller’s file reading', () => {
    const parsed = parseManifestText(manifestText);
    expect(parsed.issues).toEqual([]);
    const result = loadDesign(parsed.manifest, read);
    expect(errors(result)).toEqual([]);
    const design = result.design!;
    expect(design.stacks.map((s) => [s.name, s.region, s.parameters])).toEqual([
      ['net', 'us-east-1', {}],
      ['app', 'us-east-1', { Network: 'net' }],
    ]);
    expect(byLogicalId(design, 'Subnet', 'subnet')).toMatchObject({ stack: 1, props: { vpc: idOf(design, 'Vpc') }, position: { x: 10, y: 20 } });
    expect(byLogicalId(design, 'Subnet', 'subnet').attributes).toEqual({ Metadata: { Owner: 'team-a' }, DeletionPolicy: 'Retain' });
    expect(design.actions).toEqual([{ atS: 600, intent: { type: 'scale', group: 'Group', desired: 4 } }]);
    // loadDesign also takes the text itself.
    expect(plain(loadDesign(manifestText, read).design)).toEqual(plain(design));
  });

  it('take inline templates', () => {
    const result = loadDesign(
      { stacks: [{ name: 'inline', region: 'eu-west-1', template: { Resources: { Bucket: { Type: 'AWS::S3::Bucket' } } } }] },
      () => undefined,
    );
    expect(errors(result)).toEqual([]);
    expect(result.design!.resources).toEqual([{ id: 0, stack: 0, logicalId: 'Bucket', kind: 'bucket', props: { websiteHosting: false } }]);
  });

  it('report a malformed manifest, a missing template and a duplicate stack as errors', () => {
    expect(loadDesign({ stacks: [] }, read).issues).toEqual([expect.objectContaining({ severity: 'error', code: 'invalid-manifest' })]);
    expect(loadDesign({ stacks: [{ name: '1bad', region: 'us-east-1', template: 'net.yaml' }] }, read).issues[0]!.code).toBe('invalid-manifest');
    expect(loadDesign({ stacks: [{ name: 'a', region: 'us-east-1', template: 'nope.yaml' }] }, read).issues).toContainEqual(
      expect.objectContaining({ code: 'template-not-found', stack: 'a' }),
    );
    const twice = loadDesign({ stacks: [{ name: 'a', region: 'us-east-1', template: 'net.yaml' }, { name: 'a', region: 'us-east-1', template: 'net.yaml' }] }, read);
    expect(errors(twice).map((i) => i.code)).toContain('duplicate-stack');
    expect(parseManifestText('stacks: [unclosed').issues[0]).toMatchObject({ severity: 'error', code: 'invalid-manifest' });
  });

  it('a reader that throws is a missing template, not a crash', () => {
    const result = loadDesign({ stacks: [{ name: 'a', region: 'us-east-1', template: 'x.yaml' }] }, () => {
      throw new Error('disk on fire');
    });
    expect(errors(result)).toContainEqual(expect.objectContaining({ code: 'template-not-found' }));
  });
});

describe('export', () => {
  const design = loadDesign(parseManifestText(`
stacks:
  - {name: net, region: us-east-1, template: net.yaml}
  - {name: app, region: us-east-1, template: templates/app.yaml, parameters: {Network: net}}
actions: [{atS: 5, intent: {type: noop}}]
`).manifest, read).design!;

  it('writes a manifest with the stacks, their changed parameters and the actions', () => {
    const { manifest } = exportDesign(design);
    expect(manifest).toEqual({
      stacks: [
        { name: 'net', region: 'us-east-1', template: 'net.yaml' },
        { name: 'app', region: 'us-east-1', template: 'app.yaml', parameters: { Network: 'net' } },
      ],
      actions: [{ atS: 5, intent: { type: 'noop' } }],
    });
  });

  it('writes real CloudFormation: Ref, attributes, position in Metadata, Outputs kept, cross-stack imports', () => {
    const { templates } = exportDesign(design);
    const app = templates['app'] as { Resources: Record<string, Record<string, unknown>>; Parameters: unknown };
    expect(app.Parameters).toEqual({ Network: { Type: 'String' } });
    expect(app.Resources['Subnet']).toEqual({
      Type: 'AWS::EC2::Subnet',
      DeletionPolicy: 'Retain',
      Metadata: { Owner: 'team-a', 'FiveNines::Board': { x: 10, y: 20 } },
      Properties: { VpcId: { 'Fn::ImportValue': 'net-Vpc' }, AvailabilityZone: 'us-east-1b', CidrBlock: '10.0.1.0/24' },
    });
    const net = templates['net'] as { Outputs: Record<string, unknown> };
    expect(net.Outputs).toEqual({
      VpcId: { Value: { Ref: 'Vpc' }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}-vpc' } } },
      FiveNinesExportVpc: { Value: { Ref: 'Vpc' }, Export: { Name: 'net-Vpc' } },
    });
    expect(templateToYaml(templates['app']!)).toContain('VpcId: !ImportValue net-Vpc');
  });

  it('loads back to the same design, and the generated outputs are not kept as the template’s own', () => {
    const again = reload(design);
    expect(errors(again)).toEqual([]);
    expect(plain(again.design)).toEqual(plain(design));
    expect(plain(reload(again.design!).design)).toEqual(plain(design));
  });
});
