// A deploy's stack events (shared/template/stack-events.ts) written into CloudTrail, as events of the stack from
// cloudformation.amazonaws.com: the CloudFormation panel's Events tab reads them back. They are system events
// (no userIdentity), so a replay does not apply them; it writes them again when it applies the deploy.
import type { Design } from '../design/model.ts';
import type { Refusal } from '../protocol/refusals.ts';
import { changeSetOf, deployedStackOf } from '../template/change-set.ts';
import { isPlainObject } from '../template/plain-data.ts';
import { attemptedChanges, deletedStackEvents, STACK_TYPE, stackEventsOf, type Skipped, type StackEvent } from '../template/stack-events.ts';
import type { KeptReport } from '../account/keep-in-account.ts';
import { parseTemplateText } from '../template/template-text.ts';
import type { TrailEvent } from '../trail/event.ts';
import { simSeconds, type Match } from './match.ts';

export const CLOUDFORMATION_SOURCE = 'cloudformation.amazonaws.com';
export const STACK_EVENT = 'StackEvent';

/** Loader codes of parameter values refused before the stack exists (CreateStack's own ValidationError). */
const PARAMETER_VALIDATION = new Set([
  'parameter-missing',
  'parameter-type-unknown',
  'invalid-parameter',
  'parameter-not-allowed',
  'parameter-not-a-number',
  'parameter-out-of-range',
  'parameter-too-short',
  'parameter-too-long',
  'parameter-pattern',
]);
/** Loader codes of AWS-specific parameter values that name nothing in the account. */
const ACCOUNT_LOOKUP = new Set(['parameter-not-found', 'zone-not-in-region']);

interface Deploy {
  stack: string;
  region: string;
  template: string;
}

/** What the account kept of a stack's resources, by logical id (stack-events.ts writes them DELETE_SKIPPED). */
export function skippedIn(kept: KeptReport | undefined, stack: string): Skipped {
  const out = new Map<string, string | undefined>();
  for (const r of kept?.retained ?? []) {
    if (r.stack === stack) out.set(r.logicalId, r.usedBy ? `Retained: ${r.usedBy} still uses it (DependencyViolation)` : undefined);
  }
  return out;
}

/** The events of a stack deleted from `before`: each of its resources, as its template declares them. */
export function deletedStackEventsOf(before: Design, stack: string, kept: KeptReport | undefined): StackEvent[] {
  const current = deployedStackOf(before, stack);
  const resources = current && isPlainObject(current.template['Resources']) ? current.template['Resources'] : {};
  const typed = Object.entries(resources).map(([logicalId, r]) => ({
    logicalId,
    resourceType: isPlainObject(r) && typeof r['Type'] === 'string' ? r['Type'] : 'AWS::CloudFormation::CustomResource',
  }));
  return deletedStackEvents(stack, typed, skippedIn(kept, stack));
}

/** The events of a deploy that was applied: the change from `before` to `after`, all of it complete. */
export function appliedStackEvents(before: Design, after: Design, intent: Deploy, kept?: KeptReport): StackEvent[] {
  const current = deployedStackOf(before, intent.stack);
  const next = deployedStackOf(after, intent.stack);
  const resources = current && isPlainObject(current.template['Resources']) ? current.template['Resources'] : undefined;
  // A stack emptied by its template has nothing left to compare: everything it had is removed.
  const changes = next ? changeSetOf(current, next, { name: intent.stack, region: intent.region }).changes : attemptedChanges(resources, {});
  // What the deploy really replaced is what got a new generation (physical-generations.ts decided each Conditional).
  const generation = (d: Design, logicalId: string) => d.resources.find((r) => r.logicalId === logicalId && d.stacks[r.stack]?.name === intent.stack)?.generation ?? 0;
  const decided = changes.map((c) => {
    if (c.action !== 'Modify') return c;
    const replaced = generation(after, c.logicalId) > generation(before, c.logicalId);
    return { ...c, replacement: replaced ? ('True' as const) : c.replacement === 'True' ? c.replacement : ('False' as const) };
  });
  const nextResources = next && isPlainObject(next.template['Resources']) ? next.template['Resources'] : undefined;
  return stackEventsOf(intent.stack, current !== undefined, decided, { ok: true }, { before: resources, after: nextResources, skipped: skippedIn(kept, intent.stack) });
}

/**
 * The events of a deploy that was refused. A template CloudFormation cannot read (or a stack in another region)
 * fails validation before the stack is touched, and writes no event; anything else fails a resource and rolls back.
 */
export function refusedStackEvents(design: Design, intent: Deploy, why: Refusal): StackEvent[] {
  const existing = design.stacks.find((s) => s.name === intent.stack);
  if (existing && existing.region !== intent.region) return [];
  // A parameter CloudFormation checks before creating the stack (a missing value, a broken constraint) is a
  // ValidationError of the call itself: no stack, no event.
  if (why.detail !== undefined && PARAMETER_VALIDATION.has(why.detail)) return [];
  const parsed = parseTemplateText(intent.template, { stack: intent.stack });
  if (parsed.issues.some((i) => i.severity === 'error') || !isPlainObject(parsed.value) || !isPlainObject(parsed.value['Resources'])) return [];
  const current = deployedStackOf(design, intent.stack);
  // An AWS-specific parameter naming nothing in the account (a key pair, an AMI, a subnet) fails once the stack
  // exists, before any resource: the stack rolls back with CloudFormation's sentence and nothing else happens.
  if (why.detail !== undefined && ACCOUNT_LOOKUP.has(why.detail)) {
    return stackEventsOf(intent.stack, current !== undefined, [], { ok: false, reason: why.message.replace(new RegExp(`^${intent.stack}: `), ''), beforeResources: true });
  }
  const currentResources = current && isPlainObject(current.template['Resources']) ? current.template['Resources'] : undefined;
  const changes = attemptedChanges(currentResources, parsed.value['Resources']);
  const text = `${why.message}${why.detail ? ` (${why.detail})` : ''}`;
  // The refusal names the resource as "stack/LogicalId: …" (the loader, IAM's ARN) or "LogicalId: kind" (a kind the scenario forbids).
  const named = new RegExp(`${intent.stack}/([A-Za-z0-9]+)`).exec(text)?.[1] ?? /^([A-Za-z0-9]+):/.exec(why.detail ?? '')?.[1];
  const reason = why.message.replace(new RegExp(`^${intent.stack}/[A-Za-z0-9]+: `), '') + (why.detail && !why.message.includes(why.detail) ? ` (${why.detail})` : '');
  return stackEventsOf(intent.stack, current !== undefined, changes, { ok: false, reason, ...(named ? { logicalId: named } : {}) }, { before: currentResources, after: parsed.value['Resources'] });
}

/** Appends the events to the match's log, at the deploy's instant, for the team. */
export function recordStackEvents(match: Match, team: string | null, stack: string, events: readonly StackEvent[], wallMs: number): void {
  const simS = simSeconds(match);
  for (const e of events) {
    const own = e.resourceType === STACK_TYPE && e.logicalId === stack;
    const event: TrailEvent = {
      seq: match.trail.length,
      simS,
      wallMs,
      team,
      principal: { type: 'System', name: CLOUDFORMATION_SOURCE },
      eventSource: CLOUDFORMATION_SOURCE,
      eventName: STACK_EVENT,
      resource: own ? stack : `${stack}/${e.logicalId}`,
      params: { stackName: stack, logicalResourceId: e.logicalId, resourceType: e.resourceType, resourceStatus: e.status, ...(e.reason ? { resourceStatusReason: e.reason } : {}) },
      outcome: e.status.endsWith('_FAILED') ? 'Failure' : 'Success',
    };
    match.trail.push(event);
  }
}
