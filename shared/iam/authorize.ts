// The check the room makes before applying any player's action: may this principal perform this action on
// this resource now? The refusal reads like AWS's own AccessDenied, so players learn to read the real one.

import type { RequestContext } from './conditions.ts';
import type { Directory } from './directory.ts';
import { evaluate, type Evaluation } from './evaluate.ts';
import { principalArn, principalPolicies, type ApplicablePolicy, type Principal } from './principals.ts';
import type { IamRefusal } from './refusals.ts';
import { sessionExpired } from './roles.ts';

export type Authorization =
  | { ok: true; evaluation: Evaluation }
  | (IamRefusal & { code: 'AccessDenied' | 'ExpiredToken'; evaluation?: Evaluation; deniedBy?: ApplicablePolicy });

/** "on resource: <arn>", left out for actions on no particular resource, as AWS leaves it out. */
function onResource(resource: string): string {
  return resource === '*' ? '' : ` on resource: ${resource}`;
}

export function authorize(
  directory: Directory,
  principal: Principal,
  action: string,
  resource: string,
  context: RequestContext,
  nowS: number,
): Authorization {
  if (principal.kind === 'root') return { ok: true, evaluation: { decision: 'Allow' } };
  if (principal.kind === 'role-session' && sessionExpired(principal.session, nowS)) {
    return { ok: false, code: 'ExpiredToken', message: 'The security token included in the request is expired' };
  }
  const policies = principalPolicies(directory, principal, nowS);
  const evaluation = evaluate({ action, resource, context }, policies);
  if (evaluation.decision === 'Allow') return { ok: true, evaluation };

  const who = `User: ${principalArn(principal)} is not authorized to perform: ${action}${onResource(resource)}`;
  if (evaluation.decision === 'ImplicitDeny') {
    return { ok: false, code: 'AccessDenied', message: `${who} because no identity-based policy allows the ${action} action`, evaluation };
  }
  const deniedBy = evaluation.matchedStatement ? policies[evaluation.matchedStatement.policyIndex] : undefined;
  // AWS names the denying policy by ARN when it has one; an inline policy has none.
  const which = deniedBy?.arn === undefined ? '' : `: ${deniedBy.arn}`;
  const message = `${who} with an explicit deny in an identity-based policy${which}`;
  return deniedBy ? { ok: false, code: 'AccessDenied', message, evaluation, deniedBy } : { ok: false, code: 'AccessDenied', message, evaluation };
}
