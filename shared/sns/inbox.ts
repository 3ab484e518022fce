// A player's SNS inbox: the notifications of their team's world that reached them. The world writes each
// delivery as a timeline entry carrying its subscribers (`endpoints`); whether one of them is this player is
// shared/sns/endpoints.ts's rule. The server carries the team's deliveries, the client shows the ones this says.

import { catalogue } from '../catalogue/index.ts';
import type { TimelineValues } from '../sim/timeline-text.ts';
import { reachesAny, type Reader } from './endpoints.ts';

/** Timeline codes that are deliveries to subscribers: an alarm's SNS notification, a budget's alert. */
export const DELIVERY_CODES: readonly string[] = ['snsNotified', 'budgetNotified', 'usageBudgetNotified'];

/** The most recent deliveries the wire and an inbox keep. */
export const INBOX_ITEMS = catalogue.sns.inboxItems.value;

export function isDelivery(code: string): boolean {
  return DELIVERY_CODES.includes(code);
}

/** Whether a delivery entry reached this reader. */
export function deliveredTo(entry: { code: string; values: TimelineValues }, reader: Reader): boolean {
  if (!isDelivery(entry.code)) return false;
  const endpoints = entry.values.endpoints;
  return Array.isArray(endpoints) && reachesAny(endpoints as readonly string[], reader);
}

/** The reader's inbox from a list of entries (oldest first): the deliveries that reached them, the latest INBOX_ITEMS. */
export function inboxOf<E extends { code: string; values: TimelineValues }>(entries: readonly E[], reader: Reader): E[] {
  return entries.filter((e) => deliveredTo(e, reader)).slice(-INBOX_ITEMS);
}
