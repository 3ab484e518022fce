// The Condition block of a statement, for the keys the game knows. Every operator and key present must hold
// (AND); within one key, any listed value may match (OR) — IAM's own reading.

import { isGlobalService } from './arn.ts';
import { asList, MFA_KEY, REGION_KEY, type PolicyCondition } from './policy-schema.ts';

/** What the room knows about a request beyond its action and resource. */
export interface RequestContext {
  /** Whether the caller signed in with a second factor (aws:MultiFactorAuthPresent). */
  mfa: boolean;
  /** The region the action is aimed at (aws:RequestedRegion); absent for actions that have none. */
  region?: string;
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

export function conditionHolds(condition: PolicyCondition | undefined, context: RequestContext): boolean {
  if (condition === undefined) return true;
  const mfa = condition.Bool?.[MFA_KEY];
  if (mfa !== undefined && (mfa === 'true') !== context.mfa) return false;

  const equals = condition.StringEquals?.[REGION_KEY];
  // StringEquals is case-sensitive, and fails when the request carries no region at all.
  if (equals !== undefined && (context.region === undefined || !asList(equals).includes(context.region))) return false;

  const notEquals = condition.StringNotEquals?.[REGION_KEY];
  // A negated operator holds when the key is absent: "not one of these regions" is true of a regionless request,
  // which is how AWS evaluates it (and why region-restricting Deny policies exempt global services by NotAction).
  if (notEquals !== undefined && context.region !== undefined && asList(notEquals).includes(context.region)) return false;

  return true;
}
