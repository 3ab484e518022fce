// A loader finding (a template's error, warning or note) in the player's language. The shared loader gives each
// finding a stable code, its English message and, where the code has one sentence shape, its values (`params`);
// Korean says it as `designIssues.<code>` (`params.context` picks a variant). English is the loader's own
// message (written once, in shared/), and so is a finding without values or without a sentence of its own.
import type { DesignNotice } from '../../shared/design/model.ts';
import { language, t } from './index.ts';

export function sayIssue(issue: DesignNotice): string {
  if (!issue.params || language() === 'en') return issue.message;
  const { context, ...values } = issue.params;
  const key = `designIssues.${issue.code}${context ? `_${String(context)}` : ''}`;
  const said = t(key, { ...values, defaultValue: '' });
  return said || issue.message;
}
