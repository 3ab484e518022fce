// AWS-specific parameter values CloudFormation looks up in the account once the stack exists: a key pair must be
// one the account has (its own, or one another stack of the region made), an image id must be an AMI id. A value
// that names nothing rolls the stack back with CloudFormation's sentence, before any resource is touched.

import { describe, expect, it } from 'vitest';
import { applyIntent } from '../../../shared/match/apply.ts';
import { hashWorld } from '../../../shared/sim/hash.ts';
import { loadDesign } from '../../../shared/template/index.ts';
import { host, testMatch } from '../../support/match-fixtures.ts';
import { errors, loadTemplate } from './load-helpers.ts';

const BUCKET = { Bucket: { Type: 'AWS::S3::Bucket' } };
const withKey = (value: string) => loadTemplate({ Parameters: { KeyName: { Type: 'AWS::EC2::KeyPair::KeyName' } }, Resources: BUCKET }, { parameters: { KeyName: value } });
const withImage = (value: string) => loadTemplate({ Parameters: { ImageId: { Type: 'AWS::EC2::Image::Id' } }, Resources: BUCKET }, { parameters: { ImageId: value } });

describe('AWS::EC2::KeyPair::KeyName', () => {
  it("refuses a key pair the account does not have, in CloudFormation's words", () => {
    expect(errors(withKey('ops-key')).map((i) => [i.code, i.message])).toEqual([
      ['parameter-not-found', 'Parameter validation failed: parameter value ops-key for parameter name KeyName does not exist'],
    ]);
  });

  it("takes the account's own key pair", () => {
    expect(errors(withKey('five-nines-key'))).toEqual([]);
  });

  it('takes a key pair another stack of the region made, not one of another region or of the stack itself', () => {
    const keys = { Resources: { Key: { Type: 'AWS::EC2::KeyPair', Properties: { KeyName: 'ops-key' } } } };
    const app = (region: string) => ({ name: 'app', region, template: { Parameters: { KeyName: { Type: 'AWS::EC2::KeyPair::KeyName' } }, Resources: BUCKET }, parameters: { KeyName: 'ops-key' } });
    const load = (stacks: object[]) => loadDesign({ stacks } as never, () => undefined).issues.filter((i) => i.severity === 'error' && i.stack === 'app');
    expect(load([{ name: 'keys', region: 'us-east-1', template: keys }, app('us-east-1')])).toEqual([]);
    expect(load([{ name: 'keys', region: 'eu-west-1', template: keys }, app('us-east-1')]).map((i) => i.code)).toEqual(['parameter-not-found']);
    const own = { name: 'app', region: 'us-east-1', template: { ...app('us-east-1').template, Resources: { ...BUCKET, ...keys.Resources } }, parameters: { KeyName: 'ops-key' } };
    expect(load([own]).map((i) => i.code)).toEqual(['parameter-not-found']);
  });
});

describe('AWS::EC2::Image::Id', () => {
  it.each(['ami-12345678', 'ami-0123456789abcdef0', 'ami-0fivenines0000000'])('takes %s', (value) => {
    expect(errors(withImage(value))).toEqual([]);
  });

  it.each(['ami-1234567', 'ami-123456789', 'ami-0123456789abcdefg', 'ami-ABCDEF12', 'ubuntu-22.04', 'AMI-12345678'])('refuses %s as no AMI id', (value) => {
    expect(errors(withImage(value)).map((i) => i.message)).toEqual([`Parameter validation failed: parameter value ${value} for parameter name ImageId does not exist`]);
  });
});

describe('a deploy naming a key pair the account lacks', () => {
  it('rolls the new stack back before any resource, with the reason CloudFormation gives, the world unchanged', () => {
    const match = testMatch();
    const before = hashWorld(match.teams[0]!.world);
    const template = 'Parameters:\n  KeyName:\n    Type: AWS::EC2::KeyPair::KeyName\nResources:\n  Files:\n    Type: AWS::S3::Bucket\n';
    const applied = applyIntent(match, host(), { type: 'deployStack', stack: 'app', region: 'us-east-1', template, parameters: { KeyName: 'nope' } }, 0);
    expect(applied.ok).toBe(false);
    expect(hashWorld(match.teams[0]!.world)).toBe(before);
    const events = match.trail.filter((e) => e.eventName === 'StackEvent').map((e) => [e.params['logicalResourceId'], e.params['resourceStatus'], e.params['resourceStatusReason']]);
    expect(events).toEqual([
      ['app', 'CREATE_IN_PROGRESS', 'User Initiated'],
      ['app', 'ROLLBACK_IN_PROGRESS', 'Parameter validation failed: parameter value nope for parameter name KeyName does not exist. Rollback requested by user.'],
      ['app', 'ROLLBACK_COMPLETE', undefined],
    ]);
  });

  it('writes no stack event for a plain constraint CreateStack refuses itself', () => {
    const match = testMatch();
    const template = "Parameters:\n  Size:\n    Type: String\n    AllowedValues: [small]\nResources:\n  Files:\n    Type: AWS::S3::Bucket\n";
    expect(applyIntent(match, host(), { type: 'deployStack', stack: 'app', region: 'us-east-1', template, parameters: { Size: 'big' } }, 0).ok).toBe(false);
    expect(match.trail.filter((e) => e.eventName === 'StackEvent')).toEqual([]);
  });
});
