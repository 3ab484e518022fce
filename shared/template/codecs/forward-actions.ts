// Listener actions: the board models the forward action (one target group, or weighted ones through
// ForwardConfig); redirects, fixed responses and authentication are kept as written, after the forward.

import type { ResourceId } from '../../design/model.ts';
import type { WriteContext } from '../codec.ts';
import { defined } from '../codec.ts';
import type { PropertyReader } from '../property-reader.ts';

export type Forward = { targetGroup: ResourceId; weight: number }[];

/** Reads the first forward action of a list property (DefaultActions, Actions). */
export function readForward(p: PropertyReader, key: string): Forward {
  const elements = p.elements(key);
  let forward: Forward = [];
  let chosen: PropertyReader | undefined;
  for (const element of elements) {
    const r = element.reader;
    if (chosen || !r || r.peek('Type') !== 'forward') continue;
    const read = readOneForward(r);
    if (read) {
      forward = read;
      chosen = r;
    }
  }
  const others = elements.filter((e) => e.reader !== chosen).map((e) => e.raw);
  p.finishList(key, chosen ? [chosen] : [], others, 'indexed');
  return forward;
}

function readOneForward(r: PropertyReader): Forward | undefined {
  if (r.has('ForwardConfig')) {
    const config = r.child('ForwardConfig');
    const groups = config.elements('TargetGroups');
    const forward: Forward = [];
    const modelled: PropertyReader[] = [];
    for (const g of groups) {
      const id = g.reader?.ref('TargetGroupArn', ['targetGroup']);
      if (!g.reader || id === undefined) return undefined;
      forward.push({ targetGroup: id, weight: g.reader.number('Weight', 1) });
      modelled.push(g.reader);
    }
    if (forward.length === 0) return undefined;
    config.finishList('TargetGroups', modelled, [], 'indexed');
    if (r.has('TargetGroupArn')) r.value('TargetGroupArn');
    r.value('Type');
    return forward;
  }
  const id = r.ref('TargetGroupArn', ['targetGroup']);
  if (id === undefined) return undefined;
  r.value('Type');
  return [{ targetGroup: id, weight: 1 }];
}

/** The forward action as the exporter writes it: the short form for one target group of weight 1. */
export function writeForward(forward: Forward, w: WriteContext, keptActions: unknown): unknown[] | undefined {
  if (forward.length === 0) return undefined;
  const keptFirst = Array.isArray(keptActions) ? (keptActions[0] as Record<string, unknown> | undefined) : undefined;
  const needsConfig = forward.length > 1 || forward[0]!.weight !== 1 || keptFirst?.['ForwardConfig'] !== undefined;
  if (!needsConfig) return [{ Type: 'forward', TargetGroupArn: w.ref(forward[0]!.targetGroup) }];
  return [
    {
      Type: 'forward',
      ForwardConfig: { TargetGroups: forward.map((f) => defined({ TargetGroupArn: w.ref(f.targetGroup), Weight: f.weight })) },
    },
  ];
}

export const FORWARD_INDEXED = (key: string) => [key, `${key}[].ForwardConfig.TargetGroups`];
