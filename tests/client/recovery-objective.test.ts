// The time-to-recovery objective on the results screen: its figure as a clock (the rules give seconds) and its
// name in English and Korean.
import { describe, expect, it } from 'vitest';
import { setLanguage, t } from '../../client/i18n/index.ts';
import { objectiveFigure } from '../../client/ui/results.ts';

describe('the timeToRecoveryS objective on the results screen', () => {
  it('shows seconds as a clock and names the metric in both languages', () => {
    expect(objectiveFigure('timeToRecoveryS', 240)).toBe('0:04:00');
    expect(objectiveFigure('timeToRecoveryS', 600)).toBe('0:10:00');
    setLanguage('en');
    expect(t('results.metrics.timeToRecoveryS')).toBe('Time to recovery (from the broken rule to service restored)');
    setLanguage('ko');
    expect(t('results.metrics.timeToRecoveryS')).toBe('복구 시간 (규칙이 깨진 때부터 서비스 복구까지)');
    setLanguage('en');
  });
});
