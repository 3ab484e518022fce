// SNS subscriptions a player makes during a run (Subscribe / Unsubscribe in the SNS console), beside the ones a
// template declares (compile/topics.ts). They live in the world's timeline as `snsSubscribed` /
// `snsUnsubscribed` entries, so a snapshot, a replay and a rebuilt world all keep them with no state of their
// own: a topic's subscribers now are its template's plus the console's, folded from the timeline.
// Amazon SNS API Reference: Subscribe on an endpoint the topic already has returns that subscription (nothing
// new); Unsubscribe of a subscription that does not exist is NotFound. Email subscriptions are confirmed at once
// in the game (in AWS the address's owner follows a link first): catalogue.sns.confirmationS.

import { EMAIL_PROTOCOLS, isEmailAddress } from '../sns/endpoints.ts';
import type { ActionResult } from './actions.ts';
import { note, type TimelineEntry, type World } from './world.ts';

/** The console's subscriptions of one topic (by its label "stack/LogicalId"), oldest first. */
export function consoleSubscribers(timeline: readonly TimelineEntry[], topic: string): string[] {
  const out: string[] = [];
  for (const e of timeline) {
    if ((e.code !== 'snsSubscribed' && e.code !== 'snsUnsubscribed') || e.values.topic !== topic) continue;
    const who = String(e.values.subscriber);
    const at = out.indexOf(who);
    if (e.code === 'snsSubscribed' && at < 0) out.push(who);
    if (e.code === 'snsUnsubscribed' && at >= 0) out.splice(at, 1);
  }
  return out;
}

/** Everyone a topic (by index) delivers to now: its template's subscriptions, then the console's. */
export function subscribersOf(world: World, topic: number): string[] {
  const fromTemplate = world.topo.topicSubscribers[topic] ?? [];
  const added = consoleSubscribers(world.timeline, world.topo.topicLabel[topic]!);
  return [...fromTemplate, ...added.filter((s) => !fromTemplate.includes(s))];
}

/** A topic of the board, for the SNS console: each subscription and whether a template or the console made it. */
export interface TopicView {
  topic: string;
  subscriptions: { subscriber: string; fromTemplate: boolean }[];
}

export function topicViews(world: World): TopicView[] {
  return world.topo.topicLabel.map((topic, t) => {
    const fromTemplate = world.topo.topicSubscribers[t] ?? [];
    return {
      topic,
      subscriptions: [
        ...fromTemplate.map((subscriber) => ({ subscriber, fromTemplate: true })),
        ...consoleSubscribers(world.timeline, topic)
          .filter((s) => !fromTemplate.includes(s))
          .map((subscriber) => ({ subscriber, fromTemplate: false })),
      ],
    };
  });
}

function refuse(code: string, message: string): ActionResult {
  return { ok: false, code, message };
}

/** Checks a topic and an endpoint; returns the topic's index and the subscriber, or the refusal. */
function check(world: World, topic: string, protocol: string, endpoint: string): { t: number; subscriber: string } | ActionResult {
  const t = world.topo.topicLabel.indexOf(topic);
  if (t < 0) return refuse('unknown-topic', `no SNS topic ${topic} on the board`);
  if (!(EMAIL_PROTOCOLS as readonly string[]).includes(protocol)) return refuse('invalid-protocol', `the console subscribes by ${EMAIL_PROTOCOLS.join(' or ')}`);
  if (!isEmailAddress(endpoint)) return refuse('invalid-endpoint', `${endpoint.slice(0, 80)} is not an email address`);
  return { t, subscriber: `${protocol}:${endpoint}` };
}

/** Subscribe: from now on the endpoint hears the topic. Subscribing an endpoint the topic has changes nothing. */
export function subscribe(world: World, topic: string, protocol: string, endpoint: string): ActionResult {
  const c = check(world, topic, protocol, endpoint);
  if (!('t' in c)) return c;
  if (subscribersOf(world, c.t).includes(c.subscriber)) return { ok: true };
  note(world, 'snsSubscribed', { topic, subscriber: c.subscriber });
  return { ok: true };
}

/** Unsubscribe: a console subscription ends; a template's belongs to its stack (change the template instead). */
export function unsubscribe(world: World, topic: string, protocol: string, endpoint: string): ActionResult {
  const c = check(world, topic, protocol, endpoint);
  if (!('t' in c)) return c;
  if ((world.topo.topicSubscribers[c.t] ?? []).includes(c.subscriber))
    return refuse('subscription-in-template', `${c.subscriber} is subscribed by ${topic}'s stack template: remove it there`);
  if (!consoleSubscribers(world.timeline, topic).includes(c.subscriber)) return refuse('subscription-not-found', `${topic} has no subscription for ${c.subscriber}`);
  note(world, 'snsUnsubscribed', { topic, subscriber: c.subscriber });
  return { ok: true };
}

/** A world made again from scratch (a design edit before the clock starts) keeps the console's subscriptions. */
export function carrySubscriptions(from: World, to: World): void {
  for (const e of from.timeline) if (e.code === 'snsSubscribed' || e.code === 'snsUnsubscribed') to.timeline.push({ ...e });
}
