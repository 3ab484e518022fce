import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { openBoard } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

// The IAM console's security parts, as the host sees them: a user given a virtual MFA device (the list then
// marks it), IAM Access Analyzer's unused access for that user from CloudTrail, and policy generation refused
// for a user with no activity; then the CloudTrail console's read-only filter. In English and in Korean.
describe.skipIf(!chromiumPath)('the IAM console: MFA and Access Analyzer', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(lang: 'en' | 'ko'): Promise<Page> {
    const page = await openBoard(browser, server.url, lang, { nickname: 'Ada' });
    await page.keyboard.press('i');
    await page.waitForSelector('.console.iam .iam-forms');
    return page;
  }

  for (const lang of ['en', 'ko'] as const) {
    it(`assigns an MFA device, finds unused access and refuses a policy from no activity (${lang})`, async () => {
      const page = await open(lang);
      await page.fill('.iam-forms .row:first-child input', 'ana');
      await page.click('.iam-forms .row:first-child button:first-of-type');
      await page.waitForSelector('#iam-mfa');
      expect(await page.textContent('#iam-mfa h3')).toBe(lang === 'en' ? 'Multi-factor authentication (MFA)' : '멀티 팩터 인증(MFA)');
      expect(await page.getAttribute('#iam-mfa p:nth-of-type(1)', 'class')).toBe('mfa-off');
      const codes = page.locator('#iam-mfa .row input');
      await codes.nth(1).fill('123456');
      await codes.nth(2).fill('654321');
      await page.click('#iam-mfa-enable');
      await page.waitForSelector('#iam-mfa p.mfa-on');
      await page.waitForSelector('.iam-lists .mfa-badge');
      expect(await page.textContent('#iam-mfa p.mfa-on')).toContain('ana-phone');

      await page.selectOption('#iam-analyzer select', 'ana');
      await page.click('#iam-analyze');
      await page.waitForSelector('#iam-analyzer .analyzer-report');
      expect(await page.textContent('#iam-analyzer .analyzer-report')).toContain(lang === 'en' ? 'least privilege 100' : '최소 권한 100');
      await page.fill('#iam-analyzer .row:last-of-type input', 'AnaGenerated');
      await page.click('#iam-generate');
      await page.waitForSelector('.console.iam .field-error');
      expect(await page.textContent('.console.iam .field-error')).toContain('no successful call by user ana');
      await page.locator('#iam-analyzer').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`iam-mfa-analyzer-${lang}`) });

      await page.keyboard.press('t');
      await page.waitForSelector('#trail-table tbody tr');
      await page.selectOption('#trail-access', 'changes');
      await page.waitForFunction(() => [...document.querySelectorAll('#trail-table tbody tr td:nth-child(3)')].some((td) => td.textContent === 'iam:EnableMFADevice'));
      expect(await page.textContent('#trail-table thead')).toContain(lang === 'en' ? 'Event type' : '이벤트 유형');
      await page.screenshot({ path: screenshotPath(`trail-changes-only-${lang}`) });
      await page.close();
    });
  }
});
