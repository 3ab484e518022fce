// An export says what its author wrote where the model still holds the same thing: parameters stay parameters,
// !GetAZs stays !GetAZs, an instance AWS placed names no subnet, AWS's defaults left out stay out. A property the player changed is written as
// its new value. Parameter values travel in the manifest (the stack's parameters file), not as new Defaults.

import { describe, expect, it } from 'vitest';
import { exportDesign, templateToYaml } from '../../../shared/template/index.ts';
import { byLogicalId, errors, loadTemplate, plain, reload } from './load-helpers.ts';

const TEMPLATE = `
Parameters:
  InstanceType: {Type: String, Default: t3.small, AllowedValues: [t3.small, t3.large]}
  Size: {Type: Number, Default: 2}
Resources:
  Config:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties: {ImageId: ami-123, InstanceType: !Ref InstanceType}
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      LaunchConfigurationName: !Ref Config
      AvailabilityZones: !GetAZs ''
      MinSize: !Ref Size
      MaxSize: !Ref Size
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: {ImageId: ami-123, InstanceType: !Ref InstanceType}
  Lone:
    Type: AWS::EC2::Instance
    Properties: {ImageId: ami-123, InstanceType: !Ref InstanceType, SecurityGroups: [!Ref Open]}
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties: {GroupDescription: web}
`;

type Body = { Properties: Record<string, unknown> };

describe('an export in its author\u2019s words', () => {
  it('keeps parameters, !GetAZs and an instance without SubnetId, and gives the deployed values in the manifest', () => {
    const loaded = loadTemplate(TEMPLATE, { parameters: { InstanceType: 't3.large' } });
    expect(errors(loaded)).toEqual([]);
    const exported = exportDesign(loaded.design!);
    const resources = exported.templates['test']!['Resources'] as Record<string, Body>;
    expect(resources['Config']!.Properties['InstanceType']).toEqual({ Ref: 'InstanceType' });
    expect(resources['Group']!.Properties).toMatchObject({ AvailabilityZones: { 'Fn::GetAZs': '' }, MinSize: { Ref: 'Size' }, MaxSize: { Ref: 'Size' } });
    expect(resources['Group']!.Properties['VPCZoneIdentifier']).toBeUndefined();
    // AWS's defaults the template left out stay out (HealthCheckType EC2, Cooldown 300, an instance's type).
    expect(resources['Group']!.Properties['HealthCheckType']).toBeUndefined();
    expect(resources['Group']!.Properties['Cooldown']).toBeUndefined();
    expect(resources['Lone']!.Properties['SubnetId']).toBeUndefined();
    expect(resources['Lone']!.Properties['InstanceType']).toEqual({ Ref: 'InstanceType' });
    // A group of the default VPC is named as such templates name it: its Ref is its name, which only SecurityGroups takes.
    expect(resources['Lone']!.Properties['SecurityGroups']).toEqual([{ Ref: 'Open' }]);
    expect(resources['Lone']!.Properties['SecurityGroupIds']).toBeUndefined();
    expect(resources['Open']!.Properties['VpcId']).toBeUndefined();
    // Inside a map of properties too.
    expect(resources['Template']!.Properties['LaunchTemplateData']).toEqual({ InstanceType: { Ref: 'InstanceType' }, ImageId: 'ami-123' });
    // The declarations as written; the value deployed with is the manifest's, only where it is not the Default.
    expect(exported.templates['test']!['Parameters']).toEqual({
      InstanceType: { Type: 'String', Default: 't3.small', AllowedValues: ['t3.small', 't3.large'] },
      Size: { Type: 'Number', Default: 2 },
    });
    expect(exported.manifest.stacks[0]!.parameters).toEqual({ InstanceType: 't3.large' });
    expect(exported.parameterFiles).toEqual({ test: [{ ParameterKey: 'InstanceType', ParameterValue: 't3.large' }] });
    expect(templateToYaml(exported.templates['test']!)).toContain('InstanceType: !Ref InstanceType');
    const again = reload(loaded.design!);
    expect(plain(again.design)).toEqual(plain(loaded.design));
  });

  it('writes a value the player changed as the new value, and that export loads back to the changed design', () => {
    const design = loadTemplate(TEMPLATE).design!;
    const config = byLogicalId(design, 'Config', 'launchTemplate');
    config.props.instanceType = 'm5.large';
    const resources = exportDesign(design).templates['test']!['Resources'] as Record<string, Body>;
    expect(resources['Config']!.Properties['InstanceType']).toBe('m5.large');
    expect(resources['Lone']!.Properties['InstanceType']).toEqual({ Ref: 'InstanceType' });
    expect(byLogicalId(reload(design).design, 'Config', 'launchTemplate').props.instanceType).toBe('m5.large');
    // A default the player changed is written.
    byLogicalId(design, 'Group', 'autoScalingGroup').props.healthCheckType = 'ELB';
    const group = (exportDesign(design).templates['test']!['Resources'] as Record<string, Body>)['Group']!;
    expect(group.Properties['HealthCheckType']).toBe('ELB');
    expect(group.Properties['Cooldown']).toBeUndefined();
    expect(byLogicalId(reload(design).design, 'Group', 'autoScalingGroup').props.healthCheckType).toBe('ELB');
  });

  it('an instance in a default subnet AWS would not choose by itself names it', () => {
    const design = loadTemplate('Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties: {SubnetId: subnet-default-us-east-1c}\n').design!;
    const resources = exportDesign(design).templates['test']!['Resources'] as Record<string, Body>;
    expect(resources['Web']!.Properties['SubnetId']).toBe('subnet-default-us-east-1c');
  });
});
