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
  return stackEventsOf(intent.stack, current !== undefined, changes, { ok: true }, skippedIn(kept, intent.stack));
}

/**
 * The events of a deploy that was refused. A template CloudFormation cannot read (or a stack in another region)
 * fails validation before the stack is touched, and writes no event; anything else fails a resource and rolls back.
 */
export function refusedStackEvents(design: Design, intent: Deploy, why: Refusal): StackEvent[] {
  const existing = design.stacks.find((s) => s.name === intent.stack);
  if (existing && existing.region !== intent.region) return [];
  const parsed = parseTemplateText(intent.template, { stack: intent.stack });
  if (parsed.issues.some((i) => i.severity === 'error') || !isPlainObject(parsed.value) || !isPlainObject(parsed.value['Resources'])) return [];
  const current = deployedStackOf(design, intent.stack);
  const currentResources = current && isPlainObject(current.template['Resources']) ? current.template['Resources'] : undefined;
  const changes = attemptedChanges(currentResources, parsed.value['Resources']);
  const text = `${why.message}${why.detail ? ` (${why.detail})` : ''}`;
  // The refusal names the resource as "stack/LogicalId: …" (the loader, IAM's ARN) or "LogicalId: kind" (a kind the scenario forbids).
  const named = new RegExp(`${intent.stack}/([A-Za-z0-9]+)`).exec(text)?.[1] ?? /^([A-Za-z0-9]+):/.exec(why.detail ?? '')?.[1];
  const reason = why.message.replace(new RegExp(`^${intent.stack}/[A-Za-z0-9]+: `), '') + (why.detail && !why.message.includes(why.detail) ? ` (${why.detail})` : '');
  return stackEventsOf(intent.stack, current !== undefined, changes, { ok: false, reason, ...(named ? { logicalId: named } : {}) });
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
