// IAM's refusals in the player's language: every IAM refusal code has a Korean sentence, and AWS's own message
// (who, which action, which policy) follows it, as the AWS console shows it; in English AWS's message alone.
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage, t } from '../../client/i18n/index.ts';
import { PlayerActions, type IntentSink } from '../../client/view/player-actions.ts';
import type { MatchView } from '../../client/view/match-view.ts';
import { IAM_REFUSAL_CODES } from '../../shared/iam/refusals.ts';

const actions = () => new PlayerActions({} as IntentSink, {} as MatchView, () => undefined, (key, params) => t(key, params));
const denied = { code: 'AccessDenied', message: 'User: arn:aws:iam::123456789012:user/mina is not authorized to perform: ec2:TerminateInstances with an explicit deny in an identity-based policy: arn:aws:iam::123456789012:policy/RequireMfa' };

describe('IAM refusals, in English and Korean', () => {
  afterAll(() => setLanguage('en'));

  it('has a Korean sentence for every IAM refusal code', () => {
    setLanguage('ko');
    for (const code of IAM_REFUSAL_CODES) expect(t(`refusals.${code}`, { defaultValue: '' }), code).toMatch(/[가-힣]/);
  });

  it('says it in Korean with AWS message after it, and in English as AWS says it', () => {
    setLanguage('ko');
    const ko = actions().describe(denied);
    expect(ko.startsWith(t('refusals.AccessDenied'))).toBe(true);
    expect(ko).toContain(`(${denied.message})`);
    expect(actions().describe({ code: 'no-activity', message: 'CloudTrail holds no successful call by user ana in this match' })).toMatch(/^CloudTrail에 이 사용자의/);
    setLanguage('en');
    expect(actions().describe(denied)).toBe(denied.message);
  });
});
