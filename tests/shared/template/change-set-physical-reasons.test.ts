import { describe, expect, it } from 'vitest';
import { deployChangeSet } from '../../../shared/template/change-set-deploy.ts';
import type { PlainObject } from '../../../shared/template/plain-data.ts';
import { parseTemplateText } from '../../../shared/template/template-text.ts';
import { UPDATE_BEHAVIOUR, updateWording } from '../../../shared/template/update-behaviour.ts';
import { loadWeb, webStack } from '../sim/physical-fixtures.ts';

// The change set says why the game does what it does to a running resource: the deciding properties with AWS's
// own words, so the CloudFormation panel can show them without deciding anything itself.

describe("the change set's reasons for what the game does", () => {
  const before = loadWeb(webStack());
  const changes = (template: string) =>
    Object.fromEntries(deployChangeSet(before, 'web', 'us-east-1', parseTemplateText(template, { stack: 'web' }).value as PlainObject, undefined).changes.map((c) => [c.logicalId, c]));

  it('names the property of a Conditional with the behaviour table’s AWS wording', () => {
    const web = changes(webStack({ instanceType: 'm5.large', tag: 'red' }))['Web']!;
    expect(web).toMatchObject({ replacement: 'Conditional', physical: 'interruption' });
    expect(web.physicalBecause).toEqual([{ property: 'InstanceType', aws: UPDATE_BEHAVIOUR['AWS::EC2::Instance']!['InstanceType']!.aws }]);
  });

  it('says which replaced resource a replacement follows from, and gives none for an update in place', () => {
    const set = changes(webStack({ cidr: '10.2.0.0/16' }));
    expect(set['Vpc']!.physicalBecause).toEqual([{ property: 'CidrBlock', aws: 'Update requires: Replacement' }]);
    expect(set['Web']!.physicalBecause).toEqual([{ property: 'SubnetId', aws: 'Update requires: Replacement', via: 'SubnetA' }]);
    expect(set['Attach']).toMatchObject({ physical: 'none' });
    expect(set['Attach']!.physicalBecause).toBeUndefined();
  });

  it('words a property the table does not decide from the specification', () => {
    expect(updateWording('AWS::EC2::VPC', 'CidrBlock')).toBe('Update requires: Replacement');
    expect(updateWording('AWS::EC2::Instance', 'Tags')).toBe('Update requires: No interruption');
    expect(updateWording('AWS::EC2::VPC', 'InstanceTenancy')).toContain('from dedicated to default');
  });
});
