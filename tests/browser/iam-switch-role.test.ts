import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { openBoard } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

// Switch role played alone: a solo room on campaign 28, whose account has the IAM user mina. The host (root)
// makes the role OnCall, trusting mina only when she signs in with MFA, and signs in to the console as mina:
// the panel shows the role and why switching is refused (no MFA), and a switch is refused in the page's
// language. Back as root, the host gives mina a virtual MFA device; as mina again, Switch role shows the role
// and when its credentials expire, and Switch back returns to mina. In English and in Korean.
describe.skipIf(!chromiumPath)('the IAM console switches role', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const principal = (page: Page) => page.evaluate(() => (window as unknown as { fiveNines: { view: { current: { match: { me?: { principal: string } } } } } }).fiveNines.view.current.match.me?.principal);
  async function signInAs(page: Page, user: string | 'root'): Promise<void> {
    if (user === 'root') await page.click('#iam-sign-in-root');
    else {
      await page.selectOption('#iam-sign-in-user', user);
      await page.click('#iam-sign-in-user-button');
    }
    await page.waitForFunction((p) => (window as unknown as { fiveNines: { view: { current: { match: { me?: { principal: string } } } } } }).fiveNines.view.current.match.me?.principal === p, user === 'root' ? 'root' : `user/${user}`);
  }

  for (const lang of ['en', 'ko'] as const) {
    it(`refuses a role that requires MFA, then switches to it and back (${lang})`, async () => {
      const page = await openBoard(browser, server.url, lang, { scenario: 'mfa-against-leaked-keys', height: 1300 });
      await page.keyboard.press('i');
      await page.waitForSelector('.console.iam .iam-forms');
      await page.waitForSelector('#iam-switch-role p.role-root');

      await page.fill('.iam-forms .row:first-child input[placeholder]', 'OnCall');
      await page.check('#iam-role-require-mfa');
      await page.locator('.iam-forms .row:first-child button').nth(2).click();
      await page.waitForFunction(() => document.querySelector('.iam-lists')?.textContent?.includes('OnCall'));

      await signInAs(page, 'mina');
      await page.waitForSelector('#iam-switch-role .role-blocked[data-code="mfa-required"]');
      await page.click('#iam-role-switch');
      await page.waitForSelector('#iam-switch-role .field-error');
      const refused = (await page.textContent('#iam-switch-role .field-error')) ?? '';
      if (lang === 'ko') expect(refused).toMatch(/^⚠ 이 역할의 신뢰 정책은 MFA로 로그인한 사용자만 허용합니다/);
      else expect(refused).toContain('its trust policy requires aws:MultiFactorAuthPresent');
      await page.locator('#iam-switch-role').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`iam-switch-role-refused-${lang}`) });

      await signInAs(page, 'root');
      const codes = page.locator('#iam-mfa .row input');
      await codes.nth(1).fill('123456');
      await codes.nth(2).fill('654321');
      await page.click('#iam-mfa-enable');
      await page.waitForSelector('#iam-mfa p.mfa-on');

      await signInAs(page, 'mina');
      await page.waitForSelector('#iam-switch-role #iam-role-switch');
      expect(await page.locator('#iam-switch-role .role-blocked').count()).toBe(0);
      await page.selectOption('#iam-role-duration', '1800');
      await page.click('#iam-role-switch');
      await page.waitForSelector('#iam-switch-role p.role-active');
      expect(await principal(page)).toBe('role/OnCall');
      const active = (await page.textContent('#iam-switch-role p.role-active')) ?? '';
      expect(active).toContain('OnCall');
      expect(active).toContain('0:30');
      await page.locator('#iam-switch-role').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`iam-switch-role-active-${lang}`) });

      await page.click('#iam-role-back');
      await page.waitForFunction(() => !document.querySelector('#iam-switch-role p.role-active'));
      expect(await principal(page)).toBe('user/mina');
      await page.close();
    }, 150_000);
  }
});
