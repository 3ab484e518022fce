// A timeline entry in the player's language: `timeline.entry.<code>` filled with the entry's values. Values that
// are words, not names, are put in the player's language first: world areas (`areas.*`), priced services
// (`timeline.service.*`), a scenario's own text (`message` / `messageKo`, `title` / `titleKo`), and a purchase's
// term and payment option (in Korean with AWS's API value after it: "전체 선결제(ALL_UPFRONT)"). Ids, labels,
// zones, regions and numbers are shown as they are; English keeps the values as the CLI and CloudTrail write them.
import type { TimelineValues } from '../../shared/sim/timeline-text.ts';
import { language, t } from './index.ts';

export interface SaidEntry {
  code: string;
  values: TimelineValues;
}

/** The values as the template is filled in the current language. */
export function valuesToSay(values: TimelineValues): Record<string, string | number> {
  const ko = language() === 'ko';
  const filled: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name.endsWith('Ko')) continue;
    const own = ko ? values[`${name}Ko`] : undefined;
    if (typeof own === 'string') filled[name] = own;
    else if (name === 'area') filled[name] = t(`areas.${String(value)}`);
    else if (name === 'areas' && Array.isArray(value)) filled[name] = value.map((a) => t(`areas.${a}`)).join(', ');
    else if (name === 'service') filled[name] = t(`timeline.service.${String(value)}`);
    else if (ko && name === 'payment') filled[name] = `${t(`cost.buy.payments.${String(value)}`)}(${String(value)})`;
    else if (ko && name === 'term') filled[name] = t(`cost.buy.terms.${String(value)}`);
    else filled[name] = Array.isArray(value) ? value.join(', ') : (value as string | number);
  }
  return filled;
}

export function sayEntry(entry: SaidEntry): string {
  return t(`timeline.entry.${entry.code}`, valuesToSay(entry.values));
}

/**
 * A CloudTrail event's system message in the player's language: the trail keeps the timeline code and values
 * beside the English (shared/match/tick.ts); anything else shows its English message as logged.
 */
export function sayLogged(params: Record<string, unknown>): string {
  const { code, values, message } = params;
  if (typeof code === 'string' && typeof values === 'object' && values !== null) return sayEntry({ code, values: values as TimelineValues });
  return message === undefined ? '' : String(message);
}
