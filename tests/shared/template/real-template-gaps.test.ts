// Gaps found by measuring the loader on real public templates (scripts/measure-templates.ts), each with a small
// template of our own in the style of the ones that showed it.

import { describe, expect, it } from 'vitest';
import { codes, errors, loadTemplate } from './load-helpers.ts';

describe('separate single subnet and zone parameters without values', () => {
  const template = {
    Parameters: {
      SubnetA: { Type: 'AWS::EC2::Subnet::Id' },
      ZoneA: { Type: 'AWS::EC2::AvailabilityZone::Name' },
      SubnetB: { Type: 'AWS::EC2::Subnet::Id' },
      ZoneB: { Type: 'AWS::EC2::AvailabilityZone::Name' },
    },
    Resources: { Bucket: { Type: 'AWS::S3::Bucket' } },
  };

  it('get distinct console items in declaration order, each said in a warning naming it', () => {
    const loaded = loadTemplate(template);
    expect(errors(loaded)).toEqual([]);
    const stack = loaded.design!.stacks.find((s) => s.name === 'test')!;
    expect(stack.parameters).toMatchObject({
      SubnetA: 'subnet-default-us-east-1a',
      SubnetB: 'subnet-default-us-east-1b',
      ZoneA: 'us-east-1a',
      ZoneB: 'us-east-1b',
    });
    const chosen = loaded.issues.filter((i) => i.code === 'parameter-chosen').map((i) => i.message.split(' ')[1]);
    expect(chosen).toEqual(['SubnetA', 'ZoneA', 'SubnetB', 'ZoneB']);
    expect(codes(loaded, 'error')).toEqual([]);
  });

  it('a given value does not use up a console item', () => {
    const loaded = loadTemplate(template, { parameters: { SubnetA: 'subnet-default-us-east-1c' } });
    const stack = loaded.design!.stacks.find((s) => s.name === 'test')!;
    expect(stack.parameters).toMatchObject({ SubnetA: 'subnet-default-us-east-1c', SubnetB: 'subnet-default-us-east-1a' });
  });
});

describe('AllowedPattern on an AWS-specific parameter type', () => {
  it('is not applied (documented for String types): the account lookup checks the value instead', () => {
    const template = {
      Parameters: {
        Vpc: { Type: 'AWS::EC2::VPC::Id', AllowedPattern: '^(vpc-)([a-z0-9]{8}|[a-z0-9]{17})$', ConstraintDescription: 'must be a VPC id' },
        Name: { Type: 'String', AllowedPattern: '^[a-z]+$', Default: 'Web1' },
      },
      Resources: { Bucket: { Type: 'AWS::S3::Bucket' } },
    };
    expect(errors(loadTemplate(template)).map((i) => [i.code, i.message])).toEqual([
      ['parameter-pattern', "Parameter 'Name' must match pattern ^[a-z]+$"],
    ]);
    expect(errors(loadTemplate(template, { parameters: { Vpc: 'vpc-0123456789abcdef0', Name: 'web' } })).map((i) => i.code)).toEqual(['parameter-not-found']);
  });
});
