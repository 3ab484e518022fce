// SNS topics an alarm can notify. The game does not put topics on the board: the template loader keeps
// AWS::SNS::Topic and AWS::SNS::Subscription as unmodelled resources (exported as written), and this reads only
// what decides whether anybody hears an alarm: who subscribes. A topic's subscribers are its inline
// `Subscription` list and every AWS::SNS::Subscription of the same stack whose TopicArn is a Ref to it. SNS
// delivers a message to every subscription of a topic and to nobody else, so a topic without subscriptions
// tells nobody (Amazon SNS Developer Guide, "Subscribing to an Amazon SNS topic").

import type { Design } from '../../design/model.ts';

export interface TopicTopology {
  /** "stack/logicalId" per topic. */
  topicLabel: string[];
  /** Per topic: its subscribers as "protocol:endpoint" (empty: nobody is told). */
  topicSubscribers: string[][];
}

export interface CompiledTopics extends TopicTopology {
  /** The topic an alarm action names: by logical id in the alarm's stack, or by its ARN's topic name. */
  find(stack: number, action: string): number;
}

function refTo(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { Ref?: unknown }).Ref === 'string') return (value as { Ref: string }).Ref;
  return undefined;
}

function subscriber(entry: unknown): string | undefined {
  if (entry === null || typeof entry !== 'object') return undefined;
  const e = entry as { Protocol?: unknown; Endpoint?: unknown };
  if (typeof e.Protocol !== 'string') return undefined;
  return typeof e.Endpoint === 'string' ? `${e.Protocol}:${e.Endpoint}` : e.Protocol;
}

export function compileTopics(design: Design): CompiledTopics {
  const topics = design.unmodelled.filter((u) => u.reason === 'unmodelled-type' && u.type === 'AWS::SNS::Topic');
  const subscriptions = design.unmodelled.filter((u) => u.reason === 'unmodelled-type' && u.type === 'AWS::SNS::Subscription');
  const topicLabel: string[] = [];
  const topicSubscribers: string[][] = [];
  const names: string[] = [];
  for (const t of topics) {
    const props = (t.body.Properties ?? {}) as Record<string, unknown>;
    const list: string[] = [];
    for (const s of Array.isArray(props.Subscription) ? props.Subscription : []) {
      const who = subscriber(s);
      if (who !== undefined) list.push(who);
    }
    for (const s of subscriptions) {
      const sp = (s.body.Properties ?? {}) as Record<string, unknown>;
      if (s.stack !== t.stack || refTo(sp.TopicArn) !== t.logicalId) continue;
      const who = subscriber(sp);
      if (who !== undefined) list.push(who);
    }
    topicLabel.push(`${design.stacks[t.stack]?.name ?? '?'}/${t.logicalId}`);
    topicSubscribers.push(list);
    names.push(typeof props.TopicName === 'string' ? props.TopicName : '');
  }
  return {
    topicLabel,
    topicSubscribers,
    find(stack, action) {
      const byId = topics.findIndex((t) => t.stack === stack && t.logicalId === action);
      if (byId >= 0) return byId;
      // arn:aws:sns:<region>:<account>:<name>
      const m = /^arn:aws[a-z-]*:sns:[^:]*:[^:]*:(.+)$/.exec(action);
      return m ? names.findIndex((n) => n !== '' && n === m[1]) : -1;
    },
  };
}
