import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { openBoard } from './support/board.ts';
import { fastClockPausingAt, playToPause } from './support/clock.ts';

const chromiumPath = chromiumOrSkip();

const REQUIRE_MFA = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Sid: 'DenyWithoutMfa', Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }],
  },
  null,
  2,
);

// Campaign 28 played in the IAM console by the host: once Mina's leaked key has launched instances, give Mina a
// virtual MFA device (a wrong pair of codes is refused first, in the page's language), write RequireMfa in the
// JSON editor and attach it to her, find her unused access with Access Analyzer, generate MinaUsed from her
// CloudTrail activity and put it in place of PowerUserAccess. In English and in Korean.
describe.skipIf(!chromiumPath)('the IAM console plays MFA and least privilege against leaked keys', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts', fastClockPausingAt(2420)), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const simS = (page: Page) => page.evaluate(() => (window as unknown as { fiveNines: { view: { current: { match: { simS: number } } } } }).fiveNines.view.current.match.simS);

  async function attach(page: Page, policy: string, holder: string, detach = false): Promise<void> {
    await page.selectOption('#iam-attach-policy', policy);
    await page.selectOption('#iam-attach-holder', holder);
    await page.click(detach ? '#iam-detach' : '#iam-attach');
  }

  for (const lang of ['en', 'ko'] as const) {
    it(`requires MFA, then generates least privilege from CloudTrail (${lang})`, async () => {
      const page = await openBoard(browser, server.url, lang, { scenario: 'mfa-against-leaked-keys', height: 1300 });
      // Let the leak happen: 0:40 of match time, where the server stops the clock.
      await page.click('#clock-start');
      await playToPause(page);
      expect(await simS(page)).toBeGreaterThanOrEqual(2420);

      await page.keyboard.press('i');
      await page.waitForSelector('.console.iam .iam-forms');
      await page.waitForSelector('#iam-mfa p.mfa-off');
      const codes = page.locator('#iam-mfa .row input');
      // Two equal codes are not two consecutive ones: refused, in the page's language, with AWS's words after.
      await codes.nth(1).fill('123456');
      await codes.nth(2).fill('123456');
      await page.click('#iam-mfa-enable');
      await page.waitForSelector('.console.iam .field-error');
      const refusedText = (await page.textContent('.console.iam .field-error')) ?? '';
      if (lang === 'ko') expect(refusedText).toMatch(/^⚠ 인증 코드가 올바르지 않습니다/);
      else expect(refusedText).toContain('Enter two consecutive codes');
      await page.locator('#iam-mfa').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`iam-mfa-refused-${lang}`) });
      await codes.nth(2).fill('654321');
      await page.click('#iam-mfa-enable');
      await page.waitForSelector('#iam-mfa p.mfa-on');
      expect(await page.textContent('#iam-mfa p.mfa-on')).toContain('mina-phone');

      await page.fill('#iam-policy-name', 'RequireMfa');
      await page.fill('#iam-policy-document', REQUIRE_MFA);
      await page.click('#iam-policy-create');
      await page.waitForSelector('#iam-attach-policy option[value="customer:RequireMfa"]', { state: 'attached' });
      await attach(page, 'customer:RequireMfa', 'user:mina');
      await page.waitForFunction(() => document.querySelector('.iam-lists')?.textContent?.includes('RequireMfa'));
      await page.locator('#iam-policy-editor').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`iam-require-mfa-${lang}`) });

      // Access Analyzer: PowerUserAccess is mostly unused (the key's RunInstances is all CloudTrail shows of her).
      await page.selectOption('#iam-analyzer select', 'mina');
      await page.click('#iam-analyze');
      await page.waitForSelector('#iam-analyzer .analyzer-report ul.unused');
      expect(await page.textContent('#iam-analyzer .analyzer-report')).toMatch(lang === 'en' ? /Used 1 of the \d+ actions held/ : /보유한 작업 \d+개 중 1개 사용/);
      await page.fill('#iam-analyzer .row:last-of-type input', 'MinaUsed');
      await page.click('#iam-generate');
      await page.waitForSelector('#iam-attach-policy option[value="customer:MinaUsed"]', { state: 'attached' });
      await attach(page, 'customer:MinaUsed', 'user:mina');
      await page.waitForFunction(() => document.querySelector('.iam-lists')?.textContent?.includes('MinaUsed'));
      await attach(page, 'managed:PowerUserAccess', 'user:mina', true);
      await page.waitForFunction(() => !/mina\s*\S*\s*PowerUserAccess/.test(document.querySelector('.iam-lists li')?.textContent ?? ''));
      await page.locator('.iam-lists').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`iam-lists-${lang}`) });
      await page.click('#iam-analyze');
      await page.waitForFunction((expected) => document.querySelector('#iam-analyzer .analyzer-report')?.textContent?.includes(expected), lang === 'en' ? 'least privilege 100' : '최소 권한 100');
      await page.locator('#iam-analyzer').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`iam-generated-policy-${lang}`) });
      await page.close();
    }, 300_000);
  }
});
