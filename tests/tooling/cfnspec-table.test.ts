// The checked-in update-semantics table is what scripts/cfnspec-table.ts makes from the installed
// @aws-cdk/cfnspec: a new package version or a newly modelled type means running the script again.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelledTypes, readSpec, TABLE_PATH, tableText } from '../../scripts/cfnspec-table.ts';
import { CODECS } from '../../shared/template/codecs/index.ts';
import { CFN_SPEC_VERSION, UPDATE_SEMANTICS } from '../../shared/template/update-semantics.ts';

describe('the update-semantics table', () => {
  const spec = readSpec();

  it('equals what the generator makes from the installed package', () => {
    expect(readFileSync(TABLE_PATH, 'utf8')).toBe(tableText(spec, modelledTypes()));
    expect(CFN_SPEC_VERSION).toBe(spec.ResourceSpecificationVersion);
  });

  it('covers every type a codec reads, each property once, as the specification says', () => {
    for (const codec of CODECS) expect(Object.keys(UPDATE_SEMANTICS)).toContain(codec.awsType);
    for (const [type, semantics] of Object.entries(UPDATE_SEMANTICS)) {
      const listed = [...(semantics.Immutable ?? []), ...(semantics.Conditional ?? []), ...(semantics.Mutable ?? [])];
      expect(listed.sort()).toEqual(Object.keys(spec.ResourceTypes[type]!.Properties!).sort());
    }
    expect(UPDATE_SEMANTICS['AWS::EC2::VPC']!.Immutable).toContain('CidrBlock');
    expect(UPDATE_SEMANTICS['AWS::EC2::Instance']!.Conditional).toContain('InstanceType');
    expect(UPDATE_SEMANTICS['AWS::AutoScaling::AutoScalingGroup']!.Mutable).toContain('MaxSize');
  });

  it('the generator refuses a type the specification does not have', () => {
    expect(() => tableText(spec, ['AWS::Game::Nothing'])).toThrow(/not in the CloudFormation resource specification/);
  });
});
