// A join the classroom's rules refused (a room locked after the start, a removed player's seat) is told in the
// player's language from its stable code (shared/protocol/classroom.ts), never as the server's raw sentence.
import { joinRefusalOf } from '../../shared/protocol/classroom.ts';
import { t } from '../i18n/index.ts';

/** The translated reason, or undefined when the error is not one of the classroom's refusals. */
export function joinRefusalText(error: unknown): string | undefined {
  const code = joinRefusalOf((error as { code?: unknown } | null)?.code);
  return code ? t(`join.refused.${code}`) : undefined;
}
