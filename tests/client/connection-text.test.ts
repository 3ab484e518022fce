import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage, t } from '../../client/i18n/index.ts';
import { CONNECTION_TEXT } from '../../client/ui/connection-banner.ts';
import { REFUSALS } from '../../shared/protocol/refusals.ts';

// Every connection state and every refusal the player can be shown reads in English and in Korean.
describe('what the page says about its connection', () => {
  afterAll(() => setLanguage('en'));

  it.each(['en', 'ko'] as const)('has a sentence for every connection state and refusal in %s', (language) => {
    setLanguage(language);
    for (const key of [...Object.values(CONNECTION_TEXT), 'net.home']) {
      const text = t(key);
      expect(text, key).not.toBe(key);
      expect(text.length, key).toBeGreaterThan(3);
      if (language === 'ko') expect(text, key).toMatch(/[가-힣]/);
    }
    for (const code of Object.keys(REFUSALS)) {
      const text = t(`refusals.${code}`, { defaultValue: '' });
      if (language === 'ko') expect(text, code).toMatch(/[가-힣]/);
    }
  });
});
