// The English of the timeline is the shared table itself (shared/sim/timeline-text.ts), handed to i18next as
// `timeline.entry.<code>`: the CLI, CloudTrail and the page read the same words, written once. Plural templates
// become i18next's `<code>_one` / `<code>_other`.
import { TIMELINE_TEXT } from '../../shared/sim/timeline-text.ts';

export function englishTimelineEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [code, { en }] of Object.entries(TIMELINE_TEXT)) {
    if (typeof en === 'string') entries[code] = en;
    else {
      entries[`${code}_one`] = en.one;
      entries[`${code}_other`] = en.other;
    }
  }
  return entries;
}
