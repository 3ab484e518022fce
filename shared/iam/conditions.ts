// The Condition block of a statement, for the keys the game knows. Every operator and key present must hold
// (AND); within one key, any listed value may match (OR) — IAM's own reading.
//
// A key can be absent from a request, and IAM treats that as AWS documents it
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
// a plain operator on an absent key does not match; its ...IfExists form does; a negated operator (StringNotEquals,
// StringNotLike, NotIpAddress) matches. aws:MultiFactorAuthPresent is absent from requests signed with long-term
// access keys ("The MultiFactorAuthPresent key is not present in requests made with long-term credentials"), which
// is why a Deny written with Bool "false" never stops a leaked access key while BoolIfExists "false" does
// (https://repost.aws/knowledge-center/mfa-iam-user-aws-cli).

import { isGlobalService } from './arn.ts';
import { globMatches } from './glob.ts';
import { asList, MFA_KEY, REGION_KEY, SOURCE_IP_KEY, type PolicyCondition } from './policy-schema.ts';

/** What the room knows about a request beyond its action and resource. */
export interface RequestContext {
  /**
   * aws:MultiFactorAuthPresent: true when the caller's session was authenticated with MFA, false when it was not,
   * absent (undefined) when the request was signed with a long-term access key (what a leaked key is).
   */
  mfa?: boolean;
  /** The region the action is aimed at (aws:RequestedRegion); absent for actions that have none. */
  region?: string;
  /** The caller's public IPv4 address (aws:SourceIp). */
  sourceIp?: string;
}

export const GLOBAL_SERVICE_REGION = 'us-east-1';

/**
 * The aws:RequestedRegion of an action on a service: the region it is aimed at, except that AWS reports
 * us-east-1 for its global services (IAM, CloudFront, Route 53...), whose endpoints live there. A policy that
 * keeps a team to "its" regions must therefore exempt global services, exactly as in a real account.
 */
export function requestedRegion(service: string, region: string | undefined): string | undefined {
  return isGlobalService(service) ? GLOBAL_SERVICE_REGION : region;
}

/** An IPv4 address as a 32-bit number, or undefined when it is not one. */
function ipNumber(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    n = n * 256 + Number(part);
  }
  return n;
}

/** Whether an IPv4 address lies in a CIDR block (a bare address is its own /32). */
export function ipInCidr(address: string, cidr: string): boolean {
  const [base, bits = '32'] = cidr.split('/');
  const ip = ipNumber(address);
  const net = ipNumber(base ?? '');
  const prefix = Number(bits);
  if (ip === undefined || net === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) return false;
  const size = 2 ** (32 - prefix);
  return Math.floor(ip / size) === Math.floor(net / size);
}

/** One operator on one key: `present` says whether the request carries the key at all. */
function holds(operator: string, values: readonly string[], actual: string | undefined): boolean {
  const ifExists = operator.endsWith('IfExists');
  const negated = operator.startsWith('StringNot') || operator === 'NotIpAddress';
  if (actual === undefined) return ifExists || negated;
  const base = operator.replace(/IfExists$/, '');
  switch (base) {
    case 'Bool':
      // IAM compares Bool values case-insensitively ("true" / "True").
      return values.some((v) => v.toLowerCase() === actual);
    case 'StringEquals':
      return values.includes(actual);
    case 'StringNotEquals':
      return !values.includes(actual);
    case 'StringLike':
      return values.some((v) => globMatches(v, actual, false));
    case 'StringNotLike':
      return !values.some((v) => globMatches(v, actual, false));
    case 'IpAddress':
      return values.some((v) => ipInCidr(actual, v));
    case 'NotIpAddress':
      return !values.some((v) => ipInCidr(actual, v));
    default:
      // An operator the schema let through but nothing here evaluates must never grant: treat it as not holding.
      return false;
  }
}

function contextValue(key: string, context: RequestContext): string | undefined {
  if (key === MFA_KEY) return context.mfa === undefined ? undefined : String(context.mfa);
  if (key === REGION_KEY) return context.region;
  if (key === SOURCE_IP_KEY) return context.sourceIp;
  return undefined;
}

export function conditionHolds(condition: PolicyCondition | undefined, context: RequestContext): boolean {
  if (condition === undefined) return true;
  for (const [operator, block] of Object.entries(condition)) {
    if (block === undefined) continue;
    for (const [key, value] of Object.entries(block as Record<string, string | string[] | undefined>)) {
      if (value === undefined) continue;
      if (!holds(operator, asList(value), contextValue(key, context))) return false;
    }
  }
  return true;
}
