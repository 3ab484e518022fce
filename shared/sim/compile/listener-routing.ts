// Which target groups an Application Load Balancer's listener sends each request class to. Clients use the
// HTTPS listener when one has a certificate (an HTTPS listener without one is refused by AWS and by the
// design checks, so it serves nobody here), else the HTTP one. For each class (its shape in the catalogue),
// the listener's rules are evaluated by priority, lowest first; the first whose conditions all match decides,
// and the default action comes last, always. A forward action's weights split the class over its groups.

import { catalogue, type RequestShape } from '../../catalogue/index.ts';
import { hasCertificate } from '../../design/listener-certificate.ts';
import type { ResourceOfKind } from '../../design/model.ts';
import { CLASS_COUNT } from '../constants.ts';

type Listener = ResourceOfKind<'listener'>;
type Rule = ResourceOfKind<'listenerRule'>;
type Forward = { targetGroup: number; weight: number }[];

/** The listener users reach: HTTPS with a certificate first, then plain HTTP (lowest port first). */
export function frontListener(own: Listener[]): Listener | undefined {
  const secure = own.filter((l) => /^https$/i.test(l.props.protocol) && hasCertificate(l));
  const plain = own.filter((l) => /^http$/i.test(l.props.protocol));
  const byPort = (a: Listener, b: Listener) => a.props.port - b.props.port || a.id - b.id;
  return [...secure].sort(byPort)[0] ?? [...plain].sort(byPort)[0];
}

/** Target group id → its share of each request class (each class's shares add up to 1, or 0 if it has no forward). */
export function classWeights(listener: Listener | undefined, rules: Rule[], known: (tg: number) => boolean): Map<number, Float64Array> {
  const out = new Map<number, Float64Array>();
  if (!listener) return out;
  const own = rules.filter((r) => r.props.listener === listener.id).sort((a, b) => a.props.priority - b.props.priority || a.id - b.id);
  const shapes = catalogue.requestShapes.value;
  for (let c = 0; c < CLASS_COUNT; c++) {
    const rule = own.find((r) => ruleMatches(r, shapes[c]!));
    const forward: Forward = rule ? rule.props.forward : listener.props.forward;
    let total = 0;
    for (const f of forward) if (known(f.targetGroup)) total += f.weight > 0 ? f.weight : 0;
    for (const f of forward) {
      const w = total > 0 ? (f.weight > 0 ? f.weight : 0) / total : 1 / forward.length;
      let row = out.get(f.targetGroup);
      if (!row) out.set(f.targetGroup, (row = new Float64Array(CLASS_COUNT)));
      row[c] = row[c]! + w;
    }
  }
  return out;
}

/** All of a rule's conditions hold (within one condition, any of its values); a rule without any matches all. */
export function ruleMatches(rule: Rule, shape: RequestShape): boolean {
  const p = rule.props;
  if (p.pathPatterns.length > 0 && !p.pathPatterns.some((v) => wildcard(v, shape.path, false))) return false;
  if (p.hostHeaders && !p.hostHeaders.some((v) => wildcard(v, shape.host, true))) return false;
  // Methods are compared exactly (AWS: case-sensitive, upper case by convention).
  if (p.httpMethods && !p.httpMethods.includes(shape.method)) return false;
  for (const h of p.httpHeaders ?? []) {
    const value = shape.headers[h.name.toLowerCase()];
    if (value === undefined || !h.values.some((v) => wildcard(v, value, true))) return false;
  }
  return true;
}

/** AWS's condition wildcards: * any run of characters, ? one character; paths are case-sensitive, hosts and headers not. */
export function wildcard(pattern: string, text: string, ignoreCase: boolean): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  // Iterative glob with backtracking to the last star (no regular expressions built from player text).
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < t.length) {
    if (i < p.length && (p[i] === '?' || p[i] === t[j])) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

/** Every class alike: each target group's largest weight over the listeners, as shares. */
export function forwardWeights(own: ResourceOfKind<'listener'>[], known: (tg: number) => boolean): Map<number, Float64Array> {
  const max = new Map<number, number>();
  for (const l of own) for (const f of l.props.forward) max.set(f.targetGroup, Math.max(max.get(f.targetGroup) ?? 0, f.weight));
  let total = 0;
  for (const [tg, w] of max) if (known(tg)) total += w > 0 ? w : 0;
  const out = new Map<number, Float64Array>();
  for (const [tg, w] of max) out.set(tg, new Float64Array(CLASS_COUNT).fill(total > 0 ? (w > 0 ? w : 0) / total : 1 / max.size));
  return out;
}
