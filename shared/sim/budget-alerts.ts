// Where a budget's alert goes: AWS Budgets sends each notification to its subscribers, "an email address or an
// Amazon SNS topic" (AWS Billing User Guide, "Creating a budget"; NotificationsWithSubscribers). EMAIL goes to
// that one address; SNS publishes to the topic, and the topic delivers to every subscriber it has then (its
// template's and the SNS console's, topic-subscriptions.ts). A notification without subscribers tells nobody
// but the timeline. The alert fires once, when actual spend or the one forecast (money.ts forecastSpendUsd)
// passes the notification's threshold.

import { USAGE_UNIT } from '../design/kinds/operations.ts';
import { subscribersOf } from './topic-subscriptions.ts';
import { note, type World } from './world.ts';

/** Sends notification `k` of budget `b`, whose actual or forecast spend (or usage, of a usage budget) is now `valueUsd`. */
export function sendBudgetAlert(world: World, b: number, k: number, valueUsd: number): void {
  const topo = world.topo;
  const endpoints: string[] = [...(topo.notifEmails[k] ?? [])];
  const via: string[] = (topo.notifEmails[k] ?? []).map((e) => e.slice(e.indexOf(':') + 1));
  for (const t of topo.notifTopics[k] ?? []) {
    via.push(topo.topicLabel[t]!);
    for (const who of subscribersOf(world, t)) if (!endpoints.includes(who)) endpoints.push(who);
  }
  if (endpoints.length === 0) return;
  const sent = { budget: topo.labels[topo.budgetResource[b]!]!, notification: topo.notifForecast[k] === 1 ? 'FORECASTED' : 'ACTUAL', pct: topo.notifPct[k]! };
  const to = { via: via.join(', '), subscribers: endpoints.join(', '), endpoints };
  // A usage budget's alert is in its unit (EC2 running hours), a cost budget's in USD.
  if (topo.budgetUsage[b] === 1) note(world, 'usageBudgetNotified', { ...sent, usage: valueUsd.toFixed(1), unit: USAGE_UNIT, ...to });
  else note(world, 'budgetNotified', { ...sent, spendUsd: valueUsd.toFixed(2), ...to });
}
