// A stack event's status reason in the player's language: the reasons the game writes (shared/template/
// stack-reasons.ts) are read back as a code and values and said from `cfn.events.reasons.*`; in Korean
// CloudFormation's own English follows in parentheses where it is a fixed phrase ("User Initiated").
// Any other reason (AWS's English quoted from a refusal) is shown as written.
import { readStackReason } from '../../shared/template/stack-reasons.ts';
import { language, t } from './index.ts';

export function sayStackReason(text: string): string {
  const read = language() === 'en' ? undefined : readStackReason(text);
  if (!read) return text;
  const said = read.code === 'resourcesFailed' ? t(`cfn.events.reasons.resourcesFailed_${read.values.action}`, read.values) : t(`cfn.events.reasons.${read.code}`, read.values);
  return read.rollback ? `${said} ${t('cfn.events.reasons.rollbackRequested')}` : said;
}
