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
