import { z } from 'zod';
import type { TrailEvent } from './event.ts';
import { EVENT_CATEGORIES, eventCategoryOf, readOnlyOf } from './selectors.ts';

// Looking events up, as CloudTrail's console does: by principal, action, resource, outcome and time.
// Text filters match case-insensitively on a substring, so "scal" finds every scaling event.

export const TRAIL_PAGE_MAX = 200;

export const trailQuerySchema = z.strictObject({
  principal: z.string().max(128).optional(),
  action: z.string().max(128).optional(),
  resource: z.string().max(256).optional(),
  outcome: z.enum(['Success', 'Failure']).optional(),
  team: z.string().max(64).optional(),
  /** LookupEvents' ReadOnly attribute: false keeps only calls that changed something (selectors.ts). */
  readOnly: z.boolean().optional(),
  /** Management or data events (selectors.ts). */
  eventCategory: z.enum(EVENT_CATEGORIES).optional(),
  fromS: z.number().min(0).optional(),
  toS: z.number().min(0).optional(),
  /** Newest first; `before` pages back from a sequence number. */
  before: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(TRAIL_PAGE_MAX).optional(),
});

export type TrailQuery = z.infer<typeof trailQuerySchema>;

function has(haystack: string | undefined, needle: string | undefined): boolean {
  return needle === undefined || (haystack ?? '').toLowerCase().includes(needle.toLowerCase());
}

export function matchesQuery(event: TrailEvent, q: TrailQuery): boolean {
  return (
    (has(event.principal.name, q.principal) || has(event.principal.arn, q.principal)) &&
    (has(event.eventName, q.action) || has(`${event.eventSource.split('.')[0]}:${event.eventName}`, q.action)) &&
    has(event.resource, q.resource) &&
    (q.outcome === undefined || event.outcome === q.outcome) &&
    (q.team === undefined || event.team === q.team) &&
    (q.readOnly === undefined || readOnlyOf(event) === q.readOnly) &&
    (q.eventCategory === undefined || eventCategoryOf(event) === q.eventCategory) &&
    (q.fromS === undefined || event.simS >= q.fromS) &&
    (q.toS === undefined || event.simS <= q.toS) &&
    (q.before === undefined || event.seq < q.before)
  );
}

/** The newest events that match, newest first, at most `limit` (default and maximum TRAIL_PAGE_MAX). */
export function queryTrail(events: readonly TrailEvent[], q: TrailQuery): TrailEvent[] {
  const limit = q.limit ?? TRAIL_PAGE_MAX;
  const out: TrailEvent[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < limit; i--) {
    const event = events[i]!;
    if (matchesQuery(event, q)) out.push(event);
  }
  return out;
}

/** The JSON a player downloads: CloudTrail's own export shape, `{ Records: [...] }`, oldest first. */
export function exportTrail(events: readonly TrailEvent[]): string {
  return JSON.stringify({ Records: events }, null, 2);
}
