// Parameter values as CloudFormation checks them before it creates a stack: its constraints with its wording,
// NoEcho values never repeated, AWS-specific types resolved against the account (a board resource or a
// default VPC part must exist; with no value the console's first offer, said in a warning naming the parameter).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../../shared/template/index.ts';
import { codes, errors, loadTemplate } from './load-helpers.ts';

const BUCKET = { Bucket: { Type: 'AWS::S3::Bucket' } };

/** One parameter declared as given, the value from the manifest (undefined: none). */
function withParameter(declaration: Record<string, unknown>, value?: unknown) {
  const template = { Parameters: { P: declaration }, Resources: BUCKET };
  return loadTemplate(template, value === undefined ? {} : { parameters: { P: value } });
}

const messageOf = (declaration: Record<string, unknown>, value?: unknown) => errors(withParameter(declaration, value)).map((i) => i.message);

describe('parameter constraints, in CloudFormation\u2019s words', () => {
  it.each([
    [{ Type: 'String' }, undefined, 'parameter-missing', /^Parameters: \[P\] must have values/],
    [{ Type: 'Number' }, undefined, 'parameter-missing', /^Parameters: \[P\] must have values/],
    [{ Type: 'CommaDelimitedList' }, undefined, 'parameter-missing', /^Parameters: \[P\] must have values/],
    [{ Type: 'String', AllowedValues: ['a', 'b'] }, 'c', 'parameter-not-allowed', /^Parameter 'P' must be one of AllowedValues$/],
    [{ Type: 'CommaDelimitedList', AllowedValues: ['a', 'b'] }, 'a,c', 'parameter-not-allowed', /^Parameter 'P' must be one of AllowedValues$/],
    [{ Type: 'String', AllowedPattern: '[a-z]+' }, 'abc1', 'parameter-pattern', /^Parameter 'P' must match pattern \[a-z\]\+$/],
    [{ Type: 'String', MinLength: 3 }, 'ab', 'parameter-too-short', /^Parameter 'P' must contain at least 3 characters$/],
    [{ Type: 'String', MaxLength: '2' }, 'abc', 'parameter-too-long', /^Parameter 'P' must contain at most 2 characters$/],
    [{ Type: 'Number', MinValue: 1 }, '0', 'parameter-out-of-range', /^Parameter 'P' must be a number not less than 1$/],
    [{ Type: 'Number', MaxValue: '10' }, 11, 'parameter-out-of-range', /^Parameter 'P' must be a number not greater than 10$/],
    [{ Type: 'Number' }, 'ten', 'parameter-not-a-number', /^Parameter 'P' must be a number$/],
    [{ Type: 'List<Number>' }, '1,x', 'parameter-not-a-number', /^Parameter 'P' must be a number$/],
    [{ Type: 'AWS::EC2::AvailabilityZone::Name' }, 'eu-west-1a', 'zone-not-in-region', /^Parameter validation failed: parameter value eu-west-1a for parameter name P does not exist/],
    [{ Type: 'AWS::EC2::Subnet::Id' }, 'subnet-0123', 'parameter-not-found', /^Parameter validation failed: parameter value subnet-0123 for parameter name P does not exist/],
    [{ Type: 'AWS::EC2::Image::Id' }, 'my-image', 'parameter-not-found', /does not exist/],
    [{ Type: 'AWS::EC2::Whatever::Id' }, 'x', 'parameter-type-unknown', /^Unrecognized parameter type: AWS::EC2::Whatever::Id/],
  ])('%j with %j: %s', (declaration, value, code, message) => {
    const result = withParameter(declaration, value);
    expect(codes(result, 'error')).toEqual([code]);
    expect(errors(result)[0]!.message).toMatch(message);
    // A refused value is not kept as the stack's.
    expect(result.design!.stacks[0]!.parameters).toEqual({});
  });

  it('a ConstraintDescription replaces the pattern, length and range sentences, not AllowedValues\u2019', () => {
    const said = 'must be a valid IP CIDR range of the form x.x.x.x/x.';
    const cidr = { Type: 'String', MinLength: 9, MaxLength: 18, AllowedPattern: '(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})', ConstraintDescription: said };
    expect(messageOf(cidr, '10.0.0.0/8')).toEqual([]);
    expect(messageOf(cidr, '10.0.0/8x')).toEqual([`Parameter 'P' failed to satisfy constraint: ${said}`]);
    expect(messageOf(cidr, '1.1.1/1')).toEqual([`Parameter 'P' failed to satisfy constraint: ${said}`, `Parameter 'P' failed to satisfy constraint: ${said}`]);
    expect(messageOf({ Type: 'String', AllowedValues: ['a'], ConstraintDescription: said }, 'b')).toEqual(["Parameter 'P' must be one of AllowedValues"]);
  });

  it('AllowedPattern matches the whole value, and each item of a list', () => {
    expect(messageOf({ Type: 'String', AllowedPattern: 'ab' }, 'xaby')).toHaveLength(1);
    expect(messageOf({ Type: 'CommaDelimitedList', AllowedPattern: '[a-z]+' }, 'ab,cd')).toEqual([]);
    expect(messageOf({ Type: 'CommaDelimitedList', AllowedPattern: '[a-z]+' }, 'ab,c1')).toHaveLength(1);
  });

  it('a pattern that could backtrack without end is not tried: the value is taken, with a warning', () => {
    const result = withParameter({ Type: 'String', AllowedPattern: '(a+)+$' }, `${'a'.repeat(40)}!`);
    expect(errors(result)).toEqual([]);
    expect(codes(result, 'warning')).toContain('parameter-pattern-unchecked');
    // An unreadable pattern too.
    expect(codes(withParameter({ Type: 'String', AllowedPattern: '([' }, 'x'), 'warning')).toContain('parameter-pattern-unchecked');
  });

  it('AllowedValues: a value is taken exactly when it is one of them (numbers written either way)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9.]{1,6}$/), { minLength: 1, maxLength: 5 }), fc.stringMatching(/^[a-z0-9.]{1,6}$/), (allowed, value) => {
        const result = withParameter({ Type: 'String', AllowedValues: allowed }, value);
        expect(errors(result).length === 0).toBe(allowed.includes(value));
        if (allowed.includes(value)) expect(result.design!.stacks[0]!.parameters).toEqual({ P: value });
      }),
      { numRuns: 150 },
    );
    expect(messageOf({ Type: 'Number', AllowedValues: [1, 2] }, 2)).toEqual([]);
  });

  it('MinValue/MaxValue: a number is taken exactly when it is within them', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), fc.double({ min: -80, max: 80, noNaN: true }), (a, b, value) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const result = withParameter({ Type: 'Number', MinValue: min, MaxValue: String(max) }, value);
        expect(errors(result).length === 0).toBe(value >= min && value <= max);
      }),
      { numRuns: 150 },
    );
  });

  it('MinLength/MaxLength count the characters of the value', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).filter((s) => !s.includes(',')), fc.nat(20), fc.nat(20), (value, x, y) => {
        const [min, max] = x <= y ? [x, y] : [y, x];
        const result = withParameter({ Type: 'String', MinLength: min, MaxLength: max }, value);
        expect(errors(result).length === 0).toBe(value.length >= min && value.length <= max);
      }),
      { numRuns: 150 },
    );
  });

  it('a NoEcho value never appears in a message, whatever is wrong with it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{6,20}$/), fc.constantFrom('String', 'AWS::EC2::Subnet::Id', 'AWS::EC2::KeyPair::KeyName'), (secret, type) => {
        const result = withParameter({ Type: type, NoEcho: 'true', AllowedPattern: 'x', MinLength: 30, AllowedValues: ['y'] }, secret);
        expect(errors(result).length).toBeGreaterThan(0);
        for (const issue of result.issues) expect(issue.message).not.toContain(secret);
      }),
      { numRuns: 60 },
    );
    // Nor in the warning that says what the console chose.
    const chosen = withParameter({ Type: 'AWS::EC2::KeyPair::KeyName', NoEcho: 'TRUE' });
    expect(chosen.issues.find((i) => i.code === 'parameter-chosen')!.message).toContain('uses ****,');
    expect(chosen.design!.stacks[0]!.parameters).toEqual({ P: 'five-nines-key' });
    const object = withParameter({ Type: 'String', NoEcho: true }, { secret: 'hunter2hunter2' } as unknown as string);
    expect(codes(object, 'error')).toContain('invalid-manifest');
  });

  it('never throw on random declarations and values; a parameter with an error is never the stack\u2019s', () => {
    const scalar = fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: -3, max: 40 }), fc.boolean(), fc.constant(null));
    const declaration = fc.record(
      {
        Type: fc.oneof(fc.constantFrom('String', 'Number', 'CommaDelimitedList', 'List<Number>', 'AWS::EC2::Subnet::Id', 'List<AWS::EC2::AvailabilityZone::Name>', 'AWS::SSM::Parameter::Value<String>', 'AWS::EC2::KeyPair::KeyName'), fc.string({ maxLength: 6 })),
        Default: scalar,
        AllowedValues: fc.oneof(fc.array(scalar, { maxLength: 3 }), scalar),
        AllowedPattern: fc.oneof(fc.constantFrom('[a-z]+', '\\d+', '(', '.*'), scalar),
        MinLength: scalar,
        MaxLength: scalar,
        MinValue: scalar,
        MaxValue: scalar,
        NoEcho: scalar,
        ConstraintDescription: scalar,
      },
      { requiredKeys: [] },
    );
    const value = fc.option(fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 })), { nil: undefined });
    fc.assert(
      fc.property(declaration, value, (decl, given) => {
        const result = loadDesign(
          { stacks: [{ name: 's', region: 'us-east-1', template: { Parameters: { P: decl }, Resources: BUCKET }, ...(given === undefined ? {} : { parameters: { P: given } }) }] },
          () => undefined,
        );
        expect(result.issues.every((i) => i.code !== 'internal-error')).toBe(true);
        const refused = result.issues.some((i) => i.severity === 'error' && i.code.startsWith('parameter') || i.code === 'zone-not-in-region');
        if (refused) expect(result.design?.stacks[0]?.parameters['P']).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('AWS-specific parameter types, resolved against the account', () => {
  const NETWORK = {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    Public: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-1b' } },
  };
  const USER = {
    Parameters: { Subnet: { Type: 'AWS::EC2::Subnet::Id' }, Vpc: { Type: 'AWS::EC2::VPC::Id' } },
    Resources: { Web: { Type: 'AWS::EC2::Instance', Properties: { SubnetId: { Ref: 'Subnet' }, InstanceType: 't3.micro' } } },
  };
  const twoStacks = (parameters: Record<string, unknown>, region = 'us-east-1') =>
    loadDesign({ stacks: [{ name: 'net', region: 'us-east-1', template: { Resources: NETWORK } }, { name: 'app', region, template: USER, parameters }] }, () => undefined);

  it('name a board resource by its physical id or stack/LogicalId; the stack keeps the physical id', () => {
    for (const subnet of ['net-Public', 'net/Public']) {
      const result = twoStacks({ Subnet: subnet, Vpc: 'net/Vpc' });
      expect(errors(result)).toEqual([]);
      expect(result.design!.stacks[1]!.parameters).toEqual({ Subnet: 'net-Public', Vpc: 'net-Vpc' });
      const web = result.design!.resources.find((r) => r.logicalId === 'Web');
      expect(web?.kind === 'instance' && result.design!.resources[web.props.subnet]!.logicalId).toBe('Public');
      // Nothing here needs the default VPC: it stays off the board.
      expect(result.design!.stacks.some((s) => s.account)).toBe(false);
    }
  });

  it('refuse what names nothing, a resource of another type, or one of another region', () => {
    const notFound = (parameters: Record<string, unknown>, region?: string) => codes(twoStacks(parameters, region), 'error');
    expect(notFound({ Subnet: 'subnet-0abc', Vpc: 'net/Vpc' })).toEqual(['parameter-not-found']);
    expect(notFound({ Subnet: 'net/Vpc', Vpc: 'net/Vpc' })).toEqual(['parameter-not-found']);
    expect(notFound({ Subnet: 'net/Public', Vpc: 'net/Public' })).toEqual(['parameter-not-found']);
    expect(notFound({ Subnet: 'subnet-default-eu-west-1a', Vpc: 'net/Vpc' })).toEqual(['parameter-not-found']);
    expect(notFound({ Subnet: 'net/Public', Vpc: 'net/Vpc' }, 'eu-west-1')).toEqual(['parameter-not-found', 'parameter-not-found']);
  });

  it('with no value take what the console offers first, in a warning naming the parameter', () => {
    const template = {
      Parameters: {
        Key: { Type: 'AWS::EC2::KeyPair::KeyName' },
        Vpc: { Type: 'AWS::EC2::VPC::Id' },
        Subnet: { Type: 'AWS::EC2::Subnet::Id' },
        Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' },
        Zone: { Type: 'AWS::EC2::AvailabilityZone::Name' },
        Zones: { Type: 'List<AWS::EC2::AvailabilityZone::Name>' },
        Group: { Type: 'AWS::EC2::SecurityGroup::Id' },
        Groups: { Type: 'List<AWS::EC2::SecurityGroup::Id>' },
        Image: { Type: 'AWS::EC2::Image::Id' },
        Latest: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>' },
      },
      Resources: BUCKET,
    };
    const result = loadTemplate(template, { region: 'ap-northeast-2' });
    expect(errors(result)).toEqual([]);
    expect(result.design!.stacks[0]!.parameters).toEqual({
      Key: 'five-nines-key',
      Vpc: 'vpc-default-ap-northeast-2',
      Subnet: 'subnet-default-ap-northeast-2a',
      Subnets: 'subnet-default-ap-northeast-2a,subnet-default-ap-northeast-2b,subnet-default-ap-northeast-2c',
      Zone: 'ap-northeast-2a',
      Zones: 'ap-northeast-2a,ap-northeast-2b,ap-northeast-2c',
      Group: 'sg-default-ap-northeast-2',
      Groups: 'sg-default-ap-northeast-2',
      Image: 'ami-0fivenines0000000',
      Latest: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
    });
    const warned = result.issues.filter((i) => i.code === 'parameter-chosen').map((i) => /^parameter (\w+) /.exec(i.message)?.[1]);
    expect(warned).toEqual(Object.keys(template.Parameters));
  });

  it("accept an image id or an SSM image parameter as the AMI, and the account's key pair", () => {
    const template = {
      Parameters: { Ami: { Type: 'AWS::EC2::Image::Id' }, Latest: { Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>' }, Key: { Type: 'AWS::EC2::KeyPair::KeyName' } },
      Resources: BUCKET,
    };
    const result = loadTemplate(template, { parameters: { Ami: 'ami-0abc1234', Latest: '/my/own/ami', Key: 'five-nines-key' } });
    expect(result.issues.filter((i) => i.code.startsWith('parameter'))).toEqual([]);
    expect(codes(loadTemplate(template, { parameters: { Ami: 'ubuntu', Key: 'five-nines-key' } }), 'error')).toEqual(['parameter-not-found']);
    expect(codes(loadTemplate(template, { parameters: { Key: '' } }), 'error')).toEqual(['parameter-not-found']);
  });
});
