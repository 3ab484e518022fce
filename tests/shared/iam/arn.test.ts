import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assumedRoleArn, customerPolicyArn, groupArn, parseArn, resourceArn, roleArn, userArn } from '../../../shared/iam/arn.ts';

describe('resourceArn', () => {
  it('names regional resources with their region and the account of the game', () => {
    expect(resourceArn({ service: 'ec2', region: 'us-east-1', type: 'instance', name: 'web-stack/WebServer' })).toBe(
      'arn:aws:ec2:us-east-1:123456789012:instance/web-stack/WebServer',
    );
  });

  it('leaves the region empty for global services, whatever region is given', () => {
    expect(resourceArn({ service: 'cloudfront', region: 'us-east-1', type: 'distribution', name: 'edge/Cdn' })).toBe(
      'arn:aws:cloudfront::123456789012:distribution/edge/Cdn',
    );
    expect(resourceArn({ service: 'route53', type: 'healthcheck', name: 'dns/Primary' })).toBe('arn:aws:route53::123456789012:healthcheck/dns/Primary');
  });

  it('follows the AWS shapes for buckets and colon-separated types', () => {
    expect(resourceArn({ service: 's3', region: 'eu-west-1', type: 'bucket', name: 'site-assets' })).toBe('arn:aws:s3:::site-assets');
    expect(resourceArn({ service: 'rds', region: 'eu-west-1', type: 'db', name: 'orders' })).toBe('arn:aws:rds:eu-west-1:123456789012:db:orders');
    expect(resourceArn({ service: 'cloudwatch', region: 'eu-west-1', type: 'alarm', name: 'HighCpu' })).toBe('arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCpu');
  });

  it('names principals and policies as IAM and STS do', () => {
    expect(userArn('ana')).toBe('arn:aws:iam::123456789012:user/ana');
    expect(groupArn('Devs')).toBe('arn:aws:iam::123456789012:group/Devs');
    expect(roleArn('Deployer')).toBe('arn:aws:iam::123456789012:role/Deployer');
    expect(assumedRoleArn('Deployer', 'ana-100')).toBe('arn:aws:sts::123456789012:assumed-role/Deployer/ana-100');
    expect(customerPolicyArn('Mine')).toBe('arn:aws:iam::123456789012:policy/Mine');
  });
});

describe('parseArn', () => {
  it('splits an ARN into its parts', () => {
    expect(parseArn('arn:aws:ec2:us-east-1:123456789012:instance/web-stack/WebServer')).toEqual({
      ok: true,
      arn: { partition: 'aws', service: 'ec2', region: 'us-east-1', account: '123456789012', resource: 'instance/web-stack/WebServer', type: 'instance', name: 'web-stack/WebServer' },
    });
    expect(parseArn('arn:aws:rds:us-east-1:123456789012:db:orders')).toMatchObject({ ok: true, arn: { type: 'db', name: 'orders' } });
    expect(parseArn('arn:aws:iam::123456789012:root')).toMatchObject({ ok: true, arn: { type: 'root', name: '' } });
    expect(parseArn('arn:aws:s3:::site-assets')).toMatchObject({ ok: true, arn: { type: 'bucket', name: 'site-assets', account: '' } });
  });

  it.each(['', 'web-server', 'arn:aws:ec2', 'urn:aws:ec2:us-east-1:123456789012:instance/x', 'arn:aws:ec2:us-east-1:123456789012:', 'arn::ec2:::x'])(
    'refuses %j',
    (text) => {
      expect(parseArn(text)).toMatchObject({ ok: false, code: 'invalid-arn' });
    },
  );

  it('reads back every ARN resourceArn writes', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.constantFrom('ec2', 'rds', 'elasticloadbalancing', 'cloudfront', 'route53', 'cloudwatch', 'autoscaling'),
        fc.constantFrom('us-east-1', 'eu-west-1'),
        fc.constantFrom('instance', 'vpc', 'db', 'alarm', 'distribution', 'loadbalancer', 'autoScalingGroup'),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        (service, region, type, parts) => {
          const name = parts.join('/');
          const parsed = parseArn(resourceArn({ service, region, type, name }));
          expect(parsed).toMatchObject({ ok: true, arn: { service, type, name, account: '123456789012' } });
        },
      ),
    );
  });
});
