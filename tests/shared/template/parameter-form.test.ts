// "Specify stack details": a template's parameters as the console's form (input kinds by type, defaults and the
// console's first offer, Interface groups and labels) and the messages under each field, which are the deploy's
// own (readParameters), so the form and the server never disagree.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_KEY_PAIR, FRESH_ACCOUNT } from '../../../shared/account/default-vpc.ts';
import { checkParameterValues, formValues, hasBlockingMessage, parameterForm, type FormBoard, type FormInput } from '../../../shared/template/parameter-form.ts';
import { currentStackOf, withKeptValuesStandIn } from '../../../shared/template/current-parameters.ts';
import { exportStackOf } from '../../../shared/protocol/export-stack.ts';
import { loadDesign } from '../../../shared/template/index.ts';
import { parseTemplateText } from '../../../shared/template/template-text.ts';

const BOARD: FormBoard = {
  stacks: [
    { name: 'net', region: 'us-east-1' },
    { name: 'far', region: 'eu-west-1' },
    { name: 'account:us-east-1', region: 'us-east-1', account: true },
  ],
  resources: [
    { stack: 'net', logicalId: 'Vpc', kind: 'vpc', props: { cidr: '10.0.0.0/16' } },
    { stack: 'net', logicalId: 'PublicA', kind: 'subnet', props: { vpc: 'net/Vpc', zone: 'us-east-1a', cidr: '10.0.1.0/24', mapPublicIp: true } },
    { stack: 'net', logicalId: 'Web', kind: 'securityGroup', props: { vpc: 'net/Vpc', ingress: [] } },
    { stack: 'far', logicalId: 'FarSubnet', kind: 'subnet', props: { vpc: 'far/Vpc', zone: 'eu-west-1a', cidr: '10.1.1.0/24', mapPublicIp: true } },
    { stack: 'account:us-east-1', logicalId: 'DefaultSubnetA', kind: 'subnet', props: { vpc: 'account:us-east-1/DefaultVpc', zone: 'us-east-1a', cidr: '172.31.0.0/20', mapPublicIp: true } },
  ],
};

const input = (text: string, over: Partial<FormInput> = {}): FormInput => ({ text, stack: 'app', region: 'us-east-1', account: FRESH_ACCOUNT, board: BOARD, ...over });

const TEMPLATE = `
Parameters:
  KeyName:
    Description: Name of an existing EC2 KeyPair to enable SSH access to the instance
    Type: AWS::EC2::KeyPair::KeyName
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
  Subnet:
    Type: AWS::EC2::Subnet::Id
  Zone:
    Type: AWS::EC2::AvailabilityZone::Name
  Vpc:
    Type: AWS::EC2::VPC::Id
  Group:
    Type: AWS::EC2::SecurityGroup::Id
  InstanceType:
    Type: String
    Default: t3.micro
    AllowedValues: [t3.micro, t3.small, m5.large]
  DbPassword:
    Type: String
    NoEcho: true
    MinLength: 8
  Count:
    Type: Number
    Default: 2
    MaxValue: 5
  Names:
    Type: CommaDelimitedList
    Default: a,b
  Image:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
Resources:
  Bucket: { Type: AWS::S3::Bucket }
`;

const fieldsOf = (text: string, over: Partial<FormInput> = {}) => Object.fromEntries(parameterForm(input(text, over)).groups.flatMap((g) => g.fields).map((f) => [f.name, f]));

describe('the parameter form', () => {
  it('gives each type its input, and AllowedValues a select, NoEcho a password field', () => {
    const f = fieldsOf(TEMPLATE);
    expect(f['KeyName']!.input).toBe('text');
    expect(f['Subnets']!.input).toBe('multiSelect');
    expect(f['Subnet']!.input).toBe('select');
    expect(f['Zone']!.input).toBe('select');
    expect(f['Vpc']!.input).toBe('select');
    expect(f['Group']!.input).toBe('select');
    expect(f['InstanceType']!.input).toBe('select');
    expect(f['InstanceType']!.options.map((o) => o.value)).toEqual(['t3.micro', 't3.small', 'm5.large']);
    expect(f['DbPassword']!.input).toBe('password');
    expect(f['DbPassword']!.noEcho).toBe(true);
    expect(f['Count']!.input).toBe('number');
    expect(f['Names']!.input).toBe('list');
    expect(f['Image']!.input).toBe('text');
    expect(f['KeyName']!.description).toBe('Name of an existing EC2 KeyPair to enable SSH access to the instance');
  });

  it('lists the default VPC\u2019s subnets in zone order, then the board\u2019s own in the region (not the account stack twice, not other regions)', () => {
    const subnets = fieldsOf(TEMPLATE)['Subnets']!.options;
    expect(subnets.map((o) => o.value)).toEqual(['subnet-default-us-east-1a', 'subnet-default-us-east-1b', 'subnet-default-us-east-1c', 'net-PublicA']);
    expect(subnets[0]).toMatchObject({ zone: 'us-east-1a', cidr: '172.31.0.0/20', account: true });
    expect(subnets[3]).toMatchObject({ zone: 'us-east-1a', cidr: '10.0.1.0/24', ref: 'net/PublicA' });
    expect(fieldsOf(TEMPLATE)['Vpc']!.options.map((o) => o.value)).toEqual(['vpc-default-us-east-1', 'net-Vpc']);
    expect(fieldsOf(TEMPLATE)['Group']!.options.map((o) => o.value)).toEqual(['sg-default-us-east-1', 'net-Web']);
    expect(fieldsOf(TEMPLATE)['Zone']!.options.map((o) => o.value)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });

  it('a stack being updated is not offered its own resources', () => {
    expect(fieldsOf(TEMPLATE, { stack: 'net' })['Subnet']!.options.map((o) => o.value)).not.toContain('net-PublicA');
  });

  it('fills defaults, and for AWS-specific types what the console offers first', () => {
    const f = fieldsOf(TEMPLATE);
    expect(f['InstanceType']).toMatchObject({ initial: 't3.micro', initialFrom: 'default' });
    expect(f['Count']).toMatchObject({ initial: '2', initialFrom: 'default' });
    expect(f['KeyName']).toMatchObject({ initial: ACCOUNT_KEY_PAIR, initialFrom: 'offer' });
    expect(f['Subnets']).toMatchObject({ initial: 'subnet-default-us-east-1a,subnet-default-us-east-1b,subnet-default-us-east-1c', initialFrom: 'offer' });
    expect(f['Vpc']).toMatchObject({ initial: 'vpc-default-us-east-1', initialFrom: 'offer' });
    expect(f['Zone']).toMatchObject({ initial: 'us-east-1a', initialFrom: 'offer' });
    expect(f['DbPassword']).toMatchObject({ initial: '', initialFrom: 'none' });
  });

  it('offers no default VPC where the account has none', () => {
    const f = fieldsOf(TEMPLATE, { account: { defaultVpcDeletedIn: ['us-east-1'] } });
    expect(f['Subnets']!.options.map((o) => o.value)).toEqual(['net-PublicA']);
    expect(f['Subnets']).toMatchObject({ initial: '', initialFrom: 'none' });
  });

  it('groups and labels fields as AWS::CloudFormation::Interface says, the rest after them alphabetically', () => {
    const text = `
Metadata:
  AWS::CloudFormation::Interface:
    ParameterGroups:
      - Label: { default: Network }
        Parameters: [Vpc, Subnets, Nope]
      - Label: { default: Again }
        Parameters: [Vpc]
      - Parameters: [KeyName]
    ParameterLabels:
      Vpc: { default: Which VPC should this be deployed to? }
Parameters:
  Zeta: { Type: String, Default: z }
  Vpc: { Type: AWS::EC2::VPC::Id }
  Alpha: { Type: String, Default: a }
  Subnets: { Type: List<AWS::EC2::Subnet::Id> }
  KeyName: { Type: AWS::EC2::KeyPair::KeyName }
`;
    const form = parameterForm(input(text));
    expect(form.groups.map((g) => [g.label, g.fields.map((f) => f.name)])).toEqual([
      ['Network', ['Vpc', 'Subnets']],
      [undefined, ['KeyName']],
      [undefined, ['Alpha', 'Zeta']],
    ]);
    expect(form.groups[0]!.fields[0]!.label).toBe('Which VPC should this be deployed to?');
    expect(form.groups[0]!.fields[1]!.label).toBe('Subnets');
  });

  it('a bad template gives no form and the reader\u2019s issue, never a throw', () => {
    expect(parameterForm(input('Parameters: [1, 2')).issues.length).toBeGreaterThan(0);
    expect(parameterForm(input('- a list')).issues[0]!.message).toBe('A template must be a map');
    expect(parameterForm(input('Parameters: 3')).issues[0]!.message).toBe('Parameters must be a map');
    expect(parameterForm(input('Resources: {}')).groups).toEqual([]);
    const odd = parameterForm(input('Parameters:\n  P: 3\n  Q: { Type: Whatever, AllowedValues: [1, [2], {a: 1}] }\nMetadata: { AWS::CloudFormation::Interface: { ParameterGroups: 7, ParameterLabels: [] } }'));
    const fields = odd.groups.flatMap((g) => g.fields);
    expect(fields.map((f) => [f.name, f.type, f.input])).toEqual([['P', 'String', 'text'], ['Q', 'Whatever', 'select']]);
    expect(fields[1]!.unknownType).toBe(true);
    // A one-item list reads as its text, as a manifest value does; a map is no value at all.
    expect(fields[1]!.options.map((o) => o.value)).toEqual(['1', '2']);
  });

  it('never throws on arbitrary text or arbitrary parameter declarations', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        parameterForm(input(text));
        checkParameterValues(input(text), {});
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), fc.anything()), fc.dictionary(fc.string({ maxLength: 8 }), fc.string()), (params, values) => {
        const text = JSON.stringify({ Parameters: params, Metadata: { 'AWS::CloudFormation::Interface': { ParameterGroups: [{ Parameters: Object.keys(params) }] } } });
        parameterForm(input(text));
        checkParameterValues(input(text), values);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the messages under each field', () => {
  const filled = (values: Record<string, string>) => {
    const form = parameterForm(input(TEMPLATE));
    const all = Object.fromEntries(form.groups.flatMap((g) => g.fields).map((f) => [f.name, f.initial]));
    return checkParameterValues(input(TEMPLATE), { ...all, DbPassword: 'long-enough', ...values });
  };

  it('the form as first filled deploys cleanly', () => {
    const messages = filled({});
    expect(hasBlockingMessage(messages)).toBe(false);
    expect(Object.values(messages).flat()).toEqual([]);
  });

  it('says CloudFormation\u2019s sentence under the field it is about, and only there', () => {
    const messages = filled({ InstanceType: 'x1.huge', Count: '9' });
    expect(messages['InstanceType']!.map((m) => m.message)).toEqual(["Parameter 'InstanceType' must be one of AllowedValues"]);
    expect(messages['Count']!.map((m) => m.message)).toEqual(["Parameter 'Count' must be a number not greater than 5"]);
    expect(messages['KeyName']).toEqual([]);
    expect(hasBlockingMessage(messages)).toBe(true);
  });

  it('a NoEcho value is never repeated in its message', () => {
    const messages = filled({ DbPassword: 'hunter2' });
    expect(messages['DbPassword']!.map((m) => m.message)).toEqual(["Parameter 'DbPassword' must contain at least 8 characters"]);
    expect(JSON.stringify(messages)).not.toContain('hunter2');
  });

  it('an AWS-specific value must name something in the account: the board\u2019s resources by physical id or stack/LogicalId', () => {
    expect(filled({ Subnets: 'net-PublicA,subnet-default-us-east-1b' })['Subnets']).toEqual([]);
    expect(filled({ Subnet: 'net/PublicA' })['Subnet']).toEqual([]);
    expect(filled({ Subnet: 'far-FarSubnet' })['Subnet']!.map((m) => m.code)).toEqual(['parameter-not-found']);
    expect(filled({ Subnet: 'net-Vpc' })['Subnet']!.map((m) => m.code)).toEqual(['parameter-not-found']);
    expect(filled({ KeyName: '' })['KeyName']!.map((m) => m.message)).toEqual(['Parameter validation failed: parameter value  for parameter name KeyName does not exist']);
    expect(filled({ Subnet: 'subnet-0123' })['Subnet']![0]!.message).toMatch(/does not exist \(name a board resource by its physical id or stack\/LogicalId/);
    expect(filled({ Zone: 'eu-west-1a' })['Zone']!.map((m) => m.code)).toEqual(['zone-not-in-region']);
  });

  it('a plain parameter with no value and no default is CloudFormation\u2019s "must have values"; an AWS type is offered, with a warning', () => {
    const text = 'Parameters:\n  Name: { Type: String }\n  Key: { Type: AWS::EC2::KeyPair::KeyName }\n';
    const messages = checkParameterValues(input(text), {});
    expect(messages['Name']!.map((m) => m.message)).toEqual(['Parameters: [Name] must have values (String: no Default and no value in the manifest)']);
    expect(messages['Key']!.map((m) => [m.severity, m.code])).toEqual([['warning', 'parameter-chosen']]);
  });
});

describe('updating a deployed stack: the form holds its current values', () => {
  // The stack as the room deployed it, and its export as the client receives it (NoEcho masked, defaults left out).
  const deployed = loadDesign({ stacks: [{ name: 'app', region: 'us-east-1', template: parseTemplateText(TEMPLATE).value, parameters: { DbPassword: 'the-real-secret', InstanceType: 'm5.large', Subnet: 'net-PublicA', Count: '2' } }, { name: 'net', region: 'us-east-1', template: { Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } }, PublicA: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' } } } } }] }, () => undefined);
  const exported = exportStackOf(deployed.design!, 'app');
  if (!exported.ok) throw new Error('no export');
  const current = currentStackOf(exported);

  it('reads the export: every value the stack has (defaults included), NoEcho ones only by name', () => {
    expect(current.noEcho).toEqual(['DbPassword']);
    expect(current.values).toMatchObject({ InstanceType: 'm5.large', Subnet: 'net-PublicA', Count: '2', Names: 'a,b', KeyName: 'five-nines-key' });
    expect(JSON.stringify(current)).not.toContain('the-real-secret');
  });

  it("fills each field with the stack's current value, not the template's Default or the console's offer", () => {
    const f = fieldsOf(TEMPLATE, { current });
    expect(f['InstanceType']).toMatchObject({ initial: 'm5.large', initialFrom: 'current' });
    expect(f['Subnet']).toMatchObject({ initial: 'net-PublicA', initialFrom: 'current' });
    expect(f['Count']).toMatchObject({ initial: '2', initialFrom: 'current' });
    // Not an update: the Default and the offer, as before.
    expect(fieldsOf(TEMPLATE)['InstanceType']).toMatchObject({ initial: 't3.micro', initialFrom: 'default' });
  });

  it('offers "Use existing value" for a NoEcho parameter: sent as UsePreviousValue, never as a value, and not checked here', () => {
    const form = parameterForm(input(TEMPLATE, { current }));
    const field = form.groups.flatMap((g) => g.fields).find((x) => x.name === 'DbPassword')!;
    expect(field).toMatchObject({ usePrevious: true, initial: '', initialFrom: 'current' });
    const sent = formValues(form, {});
    expect(sent.usePreviousValues).toEqual(['DbPassword']);
    expect(Object.hasOwn(sent.parameters, 'DbPassword')).toBe(false);
    expect(sent.parameters['InstanceType']).toBe('m5.large');
    expect(checkParameterValues(input(TEMPLATE, { current }), sent.parameters, sent.usePreviousValues)['DbPassword']).toEqual([]);
    // The player types a new one: it is sent, and checked.
    const typed = formValues(form, { DbPassword: 'short' });
    expect(typed.usePreviousValues).toEqual([]);
    expect(checkParameterValues(input(TEMPLATE, { current }), typed.parameters, typed.usePreviousValues)['DbPassword']!.map((m) => m.code)).toEqual(['parameter-too-short']);
  });

  it('a parameter new in the template is filled as for a new stack', () => {
    const text = TEMPLATE.replace('Resources:', '  Extra:\n    Type: String\n    Default: fresh\nResources:');
    expect(fieldsOf(text, { current })['Extra']).toMatchObject({ initial: 'fresh', initialFrom: 'default' });
  });

  it("the client's local check reads a kept value as a stand-in, without its constraints", () => {
    const template = parseTemplateText(TEMPLATE).value as Record<string, unknown>;
    const standIn = withKeptValuesStandIn(template, ['DbPassword']);
    expect((standIn['Parameters'] as Record<string, unknown>)['DbPassword']).toEqual({ Type: 'String', NoEcho: true, Default: '****' });
    expect((template['Parameters'] as Record<string, unknown>)['DbPassword']).toMatchObject({ MinLength: 8 });
  });
});

describe('the form for separate subnet and zone parameters', () => {
  it('offers each a distinct item in declaration order, as the stack reads them without values', () => {
    const text = 'Parameters:\n  SubnetB: {Type: AWS::EC2::Subnet::Id}\n  ZoneA: {Type: AWS::EC2::AvailabilityZone::Name}\n  SubnetA: {Type: AWS::EC2::Subnet::Id}\n  ZoneB: {Type: AWS::EC2::AvailabilityZone::Name}\nResources: {}\n';
    const fields = fieldsOf(text);
    expect([fields['SubnetB']!.initial, fields['SubnetA']!.initial]).toEqual(['subnet-default-us-east-1a', 'subnet-default-us-east-1b']);
    expect([fields['ZoneA']!.initial, fields['ZoneB']!.initial]).toEqual(['us-east-1a', 'us-east-1b']);
  });
});
