// NoEcho values in CloudTrail: a deploy's call is logged with the request it carried (the log is also the
// replay's input), but nobody reads a NoEcho value back from it, as nobody does from AWS — CloudTrail, like
// DescribeStacks, shows "****". Every reading of the log goes through here: the CloudTrail console (live and in
// the replay viewer), the stored audit log, and the log a player's replay carries of other teams; likewise the
// designs a competition stores as results.

import type { Design } from '../design/model.ts';
import { isNoEcho, NO_ECHO_MASK } from '../template/parameters.ts';
import { isPlainObject } from '../template/plain-data.ts';
import { parseTemplateText } from '../template/template-text.ts';
import type { TrailEvent } from '../trail/event.ts';

/** Each event read once: a log holds the same deploy events across many queries. */
const shown = new WeakMap<TrailEvent, TrailEvent>();

/** The names a template declares NoEcho. */
function noEchoNames(template: string): string[] {
  const parsed = parseTemplateText(template);
  const declared = isPlainObject(parsed.value) ? parsed.value['Parameters'] : undefined;
  if (!isPlainObject(declared)) return [];
  return Object.entries(declared).flatMap(([name, decl]) => (isNoEcho(decl) ? [name] : []));
}

/** A deploy request's parameters with NoEcho values masked, or undefined when it has none to mask. */
function maskedRequest(request: Record<string, unknown>): Record<string, unknown> | undefined {
  if (request['type'] !== 'deployStack' || typeof request['template'] !== 'string' || !isPlainObject(request['parameters'])) return undefined;
  const values = request['parameters'];
  const hidden = noEchoNames(request['template']).filter((name) => Object.hasOwn(values, name));
  if (hidden.length === 0) return undefined;
  const parameters = { ...values };
  for (const name of hidden) parameters[name] = NO_ECHO_MASK;
  return { ...request, parameters };
}

/** The event as anyone reads it: a deploy's NoEcho parameter values as "****". The log itself is not changed. */
export function withoutSecrets(event: TrailEvent): TrailEvent {
  const known = shown.get(event);
  if (known) return known;
  const masked = maskedRequest(event.params);
  const out = masked ? { ...event, params: masked } : event;
  shown.set(event, out);
  return out;
}

/** A design as a reader sees it (a competition's stored results): each stack's NoEcho values as "****". */
export function designWithoutSecrets(design: Design): Design {
  const stacks = design.stacks.map((stack) => {
    const declared = stack.extras?.['Parameters'];
    if (!isPlainObject(declared)) return stack;
    const hidden = Object.keys(stack.parameters).filter((name) => Object.hasOwn(declared, name) && isNoEcho(declared[name]));
    if (hidden.length === 0) return stack;
    return { ...stack, parameters: Object.fromEntries(Object.entries(stack.parameters).map(([k, v]) => [k, hidden.includes(k) ? NO_ECHO_MASK : v])) };
  });
  return { ...design, stacks };
}
