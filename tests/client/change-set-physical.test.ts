import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../client/i18n/index.ts';
import { physicalCell } from '../../client/ui/consoles/change-set-physical.ts';
import type { ResourceChange } from '../../shared/template/change-set.ts';

// The change set's "In the game" column draws the room's decision and AWS's words for it; it decides nothing.
describe("the change set's column for what the game does", () => {
  afterAll(() => setLanguage('en'));
  const resized: ResourceChange = {
    action: 'Modify', logicalId: 'Web', resourceType: 'AWS::EC2::Instance', modelled: true, replacement: 'Conditional', causes: ['InstanceType'],
    physical: 'interruption', physicalBecause: [{ property: 'InstanceType', aws: 'Update requires: Some interruptions' }],
  };
  const replaced: ResourceChange = {
    action: 'Modify', logicalId: 'Web', resourceType: 'AWS::EC2::Instance', modelled: true, replacement: 'True', causes: ['SubnetId'],
    physical: 'replacement', physicalBecause: [{ property: 'SubnetId', aws: 'Update requires: Replacement', via: 'Subnet' }],
  };

  it('says stop and start for an interruption, with the deciding property and AWS’s words', () => {
    setLanguage('en');
    expect(physicalCell(resized)).toEqual({ label: 'Stop and start', tone: 'physical-interruption', why: ['InstanceType: Update requires: Some interruptions'] });
    expect(physicalCell(replaced)).toMatchObject({ label: 'New physical resource', tone: 'physical-replacement', why: [] });
    expect(physicalCell({ ...replaced, replacement: 'Conditional' }).why).toEqual(['SubnetId (follows Subnet, replaced): Update requires: Replacement']);
    expect(physicalCell({ ...resized, physical: 'none', physicalBecause: undefined })).toEqual({ label: 'In place', tone: 'physical-none', why: [] });
    expect(physicalCell({ action: 'Add', logicalId: 'Web', resourceType: 'AWS::EC2::Instance', modelled: true }).label).toBe('-');
  });

  it('is in Korean', () => {
    setLanguage('ko');
    expect(physicalCell(resized).label).toBe('중지 후 시작');
    expect(physicalCell(replaced).label).toBe('새 물리적 리소스');
    expect(physicalCell(resized).why[0]).toMatch(/^InstanceType \(AWS 문서 원문\): Update requires/);
  });
});
