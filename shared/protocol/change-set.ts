// The `changeSet` request: "Create change set" in the CloudFormation panel. The room computes it with the shared
// function against the team's real design (the client never does), so what the player reads before executing is
// what the deploy will do. The request is checked here, at the edge, as an intent is: bounded like deployStack.
import { z } from 'zod';
import type { Account } from '../account/default-vpc.ts';
import type { Design, DesignIssue } from '../design/model.ts';
import { MAX_TEMPLATE_CHARS, region, stackName, usePreviousValues } from '../match/intents.ts';
import { deployChangeSet } from '../template/change-set-deploy.ts';
import type { ResourceChange } from '../template/change-set.ts';
import { parseTemplateText } from '../template/template-text.ts';
import { withPreviousValues } from '../template/previous-values.ts';
import { isPlainObject } from '../template/plain-data.ts';
import { refusal, type Refusal } from './refusals.ts';

export const changeSetRequestSchema = z.strictObject({
  stack: stackName,
  region,
  template: z.string().min(1).max(MAX_TEMPLATE_CHARS),
  parameters: z.record(z.string().max(255), z.string().max(4096)).optional(),
  usePreviousValues: usePreviousValues.optional(),
});

export type ChangeSetRequest = z.infer<typeof changeSetRequestSchema>;

/** The answer: the change set's rows and the loader's findings (an error there means the deploy would be refused). */
export type ChangeSetAnswer = { ok: true; changes: ResourceChange[]; issues: DesignIssue[] } | { ok: false; refusal: Refusal };

/** The same bound as a deployStack intent's, measured before parsing so a huge payload costs nothing more. */
const MAX_REQUEST_CHARS = MAX_TEMPLATE_CHARS + 8_192;

export type ParsedChangeSetRequest = { ok: true; request: ChangeSetRequest } | { ok: false; refusal: Refusal };

/** Checks an untrusted payload: too large, not an object, or which field is wrong. */
export function parseChangeSetRequest(payload: unknown): ParsedChangeSetRequest {
  let size: number | undefined;
  try {
    size = JSON.stringify(payload)?.length;
  } catch {
    size = undefined;
  }
  if (size === undefined || typeof payload !== 'object' || payload === null || Array.isArray(payload)) return { ok: false, refusal: refusal('malformed') };
  if (size > MAX_REQUEST_CHARS) return { ok: false, refusal: refusal('too-large', `${size} characters, limit ${MAX_REQUEST_CHARS}`) };
  const parsed = changeSetRequestSchema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, refusal: refusal('malformed', issue ? `${issue.path.join('.')}: ${issue.message}` : undefined) };
  }
  return { ok: true, request: parsed.data };
}

/** The change set of a checked request against a design: a template that does not parse is answered as findings. */
export function changeSetAnswerFor(design: Design, request: ChangeSetRequest, account: Account): ChangeSetAnswer {
  const parsed = parseTemplateText(request.template, { stack: request.stack });
  if (parsed.issues.some((i) => i.severity === 'error') || !isPlainObject(parsed.value)) {
    const issues = parsed.issues.length ? parsed.issues : [{ severity: 'error' as const, code: 'template-empty', stack: request.stack, message: 'the template is empty' }];
    return { ok: true, changes: [], issues };
  }
  // "Use existing value": the stack's current values are read here, on the server; the client never had them.
  const values = withPreviousValues(design, request.stack, request.parameters, request.usePreviousValues);
  if (!values.ok) return { ok: true, changes: [], issues: [{ severity: 'error', code: 'invalid-parameter', stack: request.stack, message: values.message }] };
  const set = deployChangeSet(design, request.stack, request.region, parsed.value, values.parameters, { account });
  return { ok: true, changes: set.changes, issues: set.issues };
}
