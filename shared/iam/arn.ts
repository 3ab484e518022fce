// The game's Amazon Resource Names, shaped like real ones so a policy a player writes here would read the same
// in a real account: arn:aws:<service>:<region>:<account>:<type>/<name>. Global services leave the region
// empty, as AWS does (arn:aws:cloudfront::123456789012:distribution/...), and S3 buckets carry neither region
// nor account (arn:aws:s3:::my-bucket).

import { refuse, type IamRefusal } from './refusals.ts';

/** Every team plays in one made-up account: the number AWS's own documentation uses. */
export const ACCOUNT_ID = '123456789012';
export const PARTITION = 'aws';

/** Services whose resources are not in any region, so their ARNs have an empty region field. */
export const GLOBAL_SERVICES = ['iam', 'sts', 'cloudfront', 'route53', 'globalaccelerator', 'budgets', 'ce', 'organizations'] as const;

/**
 * Resource types that AWS separates from the name with a colon rather than a slash
 * (arn:aws:rds:us-east-1:123456789012:db:orders). Auto Scaling's real ARN also carries a generated group id,
 * which the game leaves out.
 */
const COLON_SEPARATED_TYPES = ['rds:db', 'rds:snapshot', 'rds:cluster', 'rds:subgrp', 'cloudwatch:alarm', 'autoscaling:autoScalingGroup'];

export interface ResourceName {
  service: string;
  /** The region for regional services; ignored for global ones. */
  region?: string;
  type: string;
  /** May hold slashes: the game names resources "<stack>/<logical id>". */
  name: string;
}

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the account: "instance/web-stack/WebServer". */
  resource: string;
  type: string;
  name: string;
}

export function isGlobalService(service: string): boolean {
  return (GLOBAL_SERVICES as readonly string[]).includes(service);
}

function separatorFor(service: string, type: string): string {
  return COLON_SEPARATED_TYPES.includes(`${service}:${type}`) ? ':' : '/';
}

/** The ARN of one of the game's resources. */
export function resourceArn({ service, region, type, name }: ResourceName): string {
  if (service === 's3') return `arn:${PARTITION}:s3:::${name}`;
  const where = isGlobalService(service) ? '' : (region ?? '');
  return `arn:${PARTITION}:${service}:${where}:${ACCOUNT_ID}:${type}${separatorFor(service, type)}${name}`;
}

/** Splits an ARN into its parts, or says why it is not one. */
export function parseArn(text: string): { ok: true; arn: ParsedArn } | IamRefusal {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') {
    return refuse('invalid-arn', `"${text.slice(0, 80)}" is not an ARN: expected arn:partition:service:region:account:resource.`);
  }
  const [, partition = '', service = '', region = '', account = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (partition === '' || service === '' || resource === '') {
    return refuse('invalid-arn', `"${text.slice(0, 80)}" is not an ARN: its partition, service and resource must not be empty.`);
  }
  if (service === 's3') {
    const slash = resource.indexOf('/');
    const arn = { partition, service, region, account, resource, type: slash < 0 ? 'bucket' : 'object', name: resource };
    return { ok: true, arn };
  }
  // The type ends at the first slash or colon, whichever comes first; a resource with neither (iam's "root")
  // is a type with no name.
  const slash = resource.indexOf('/');
  const colon = resource.indexOf(':');
  const cut = slash < 0 ? colon : colon < 0 ? slash : Math.min(slash, colon);
  const type = cut < 0 ? resource : resource.slice(0, cut);
  const name = cut < 0 ? '' : resource.slice(cut + 1);
  return { ok: true, arn: { partition, service, region, account, resource, type, name } };
}

// Principals, named as IAM and STS name them in error messages and CloudTrail records.

export const ROOT_ARN = `arn:${PARTITION}:iam::${ACCOUNT_ID}:root`;

export function userArn(name: string): string {
  return `arn:${PARTITION}:iam::${ACCOUNT_ID}:user/${name}`;
}

export function groupArn(name: string): string {
  return `arn:${PARTITION}:iam::${ACCOUNT_ID}:group/${name}`;
}

export function roleArn(name: string): string {
  return `arn:${PARTITION}:iam::${ACCOUNT_ID}:role/${name}`;
}

export function assumedRoleArn(role: string, sessionName: string): string {
  return `arn:${PARTITION}:sts::${ACCOUNT_ID}:assumed-role/${role}/${sessionName}`;
}

/** A customer managed policy lives in the account; AWS managed ones in AWS's ("aws") account. */
export function customerPolicyArn(name: string): string {
  return `arn:${PARTITION}:iam::${ACCOUNT_ID}:policy/${name}`;
}

/** A virtual MFA device's serial number, as IAM names it: arn:aws:iam::<account>:mfa/<device name>. */
export function mfaDeviceArn(name: string): string {
  return `arn:${PARTITION}:iam::${ACCOUNT_ID}:mfa/${name}`;
}
