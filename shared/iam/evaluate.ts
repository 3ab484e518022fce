// AWS's evaluation logic for identity-based policies, the part the game needs: an explicit Deny in any policy
// wins; otherwise any Allow allows; otherwise the request is implicitly denied. Order never matters, which is
// why a teacher can reason about a policy set by reading it rather than by running it.

import { conditionHolds, type RequestContext } from './conditions.ts';
import { globMatches } from './glob.ts';
import { asList, statementsOf, type PolicyDocument, type PolicyStatement } from './policy-schema.ts';

export interface AccessRequest {
  /** The action as the game names it, e.g. "ec2:RunInstances". Compared case-insensitively. */
  action: string;
  /** The ARN of the resource acted on, or "*" for actions on no particular resource. Compared case-sensitively. */
  resource: string;
  context: RequestContext;
}

/** A policy as evaluation sees it: a name to report and its JSON. */
export interface PolicyToEvaluate {
  name: string;
  document: PolicyDocument;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/** The statement that decided: its policy (by name and position in the list given) and its Sid or index. */
export interface MatchedStatement {
  policy: string;
  policyIndex: number;
  statementIndex: number;
  sid?: string;
}

export interface Evaluation {
  decision: Decision;
  matchedStatement?: MatchedStatement;
}

function anyMatches(patterns: readonly string[], text: string, ignoreCase: boolean): boolean {
  return patterns.some((pattern) => globMatches(pattern, text, ignoreCase));
}

/** Whether the statement's Action (or NotAction) covers the action, ignoring resource and conditions. */
export function statementCoversAction(statement: PolicyStatement, action: string): boolean {
  if (statement.Action !== undefined) return anyMatches(asList(statement.Action), action, true);
  if (statement.NotAction !== undefined) return !anyMatches(asList(statement.NotAction), action, true);
  return false;
}

/** Whether the statement's Resource (or NotResource) covers the resource ARN. */
export function statementCoversResource(statement: PolicyStatement, resource: string): boolean {
  if (statement.Resource !== undefined) return anyMatches(asList(statement.Resource), resource, false);
  if (statement.NotResource !== undefined) return !anyMatches(asList(statement.NotResource), resource, false);
  return false;
}

/** Whether the statement applies to the request: its action, its resource and all its conditions match. */
export function statementApplies(statement: PolicyStatement, request: AccessRequest): boolean {
  return (
    statementCoversAction(statement, request.action) &&
    statementCoversResource(statement, request.resource) &&
    conditionHolds(statement.Condition, request.context)
  );
}

function matched(policy: PolicyToEvaluate, policyIndex: number, statement: PolicyStatement, statementIndex: number): MatchedStatement {
  const base = { policy: policy.name, policyIndex, statementIndex };
  return statement.Sid === undefined ? base : { ...base, sid: statement.Sid };
}

/**
 * Decides a request against every policy that applies to the principal. Reports the first explicit Deny found
 * (in list order) or, failing one, the first Allow.
 */
export function evaluate(request: AccessRequest, policies: readonly PolicyToEvaluate[]): Evaluation {
  let allowedBy: MatchedStatement | undefined;
  for (let p = 0; p < policies.length; p += 1) {
    const policy = policies[p]!;
    const statements = statementsOf(policy.document);
    for (let s = 0; s < statements.length; s += 1) {
      const statement = statements[s]!;
      // A Deny is checked even after an Allow was found, since a Deny anywhere overrides it; an Allow is only
      // checked while none has been found yet.
      if (statement.Effect === 'Allow' && allowedBy !== undefined) continue;
      if (!statementApplies(statement, request)) continue;
      if (statement.Effect === 'Deny') return { decision: 'ExplicitDeny', matchedStatement: matched(policy, p, statement, s) };
      allowedBy = matched(policy, p, statement, s);
    }
  }
  return allowedBy === undefined ? { decision: 'ImplicitDeny' } : { decision: 'Allow', matchedStatement: allowedBy };
}
