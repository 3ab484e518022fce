import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { fastClockPausingAt, playToPause, simSOf } from './support/clock.ts';
import { openBoard } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

// "Who changed this security group, and when?" in the CloudTrail console, on the who-closed-the-port level: after
// the colleague's change, a lookup by Resource name (as CloudTrail's Event history does) shows dana-ops's
// RevokeSecurityGroupIngress on the web servers' group, with the rule in its request parameters; a click on a
// resource's name looks that resource's changes up; a lookup by User name finds the same call. English and Korean.
describe.skipIf(!chromiumPath)('CloudTrail: who changed this security group', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts', fastClockPausingAt(5465)), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const revokeRow = (page: Page) => page.locator('#trail-table tbody tr', { hasText: 'ec2:RevokeSecurityGroupIngress' });

  for (const lang of ['en', 'ko'] as const) {
    it(`looks the change up by resource name and by user name (${lang})`, async () => {
      const page = await openBoard(browser, server.url, lang, { scenario: 'who-closed-the-port', nickname: 'Ada' });
      await page.click('#clock-start');
      // The colleague's change falls between 0:30 and 1:30 (seeded): past 1:30 it has happened. The server stops there.
      await playToPause(page);
      expect(await simSOf(page)).toBeGreaterThan(5460);
      await page.keyboard.press('t');
      await page.waitForSelector('#trail-table tbody tr');
      expect(await page.textContent('#trail-table thead')).toContain(lang === 'en' ? 'Resource name' : '리소스 이름');
      expect(await page.inputValue('#trail-lookup')).toBe('ResourceName');
      await page.fill('#trail-lookup-value', 'WebServerSecurityGroup');
      await page.selectOption('#trail-access', 'changes');
      await revokeRow(page).waitFor();
      const row = (await revokeRow(page).textContent())!;
      // CloudTrail's identity type, in the player's language (the console's Korean says "IAM 사용자").
      const who = lang === 'en' ? 'IAMUser: dana-ops' : 'IAM 사용자: dana-ops';
      expect(row).toContain(who);
      expect(row).toContain('web/WebServerSecurityGroup');
      await page.screenshot({ path: screenshotPath(`trail-who-changed-${lang}`) });

      // Opened: the request parameters hold the group and the rule that was revoked.
      await revokeRow(page).click();
      const json = (await page.textContent('#trail-table tr.json pre'))!;
      expect(json).toContain('"groupId": "web/WebServerSecurityGroup"');
      expect(json).toContain('"ipPermissions"');
      expect(json).toContain('"groupId": "web/LoadBalancerSecurityGroup"');
      await page.screenshot({ path: screenshotPath(`trail-who-changed-params-${lang}`) });

      // By user name: the same call, found from the other side.
      await page.selectOption('#trail-lookup', 'Username');
      await page.fill('#trail-lookup-value', 'dana-ops');
      await revokeRow(page).waitFor();
      expect(await page.locator('#trail-table tbody tr:not(.json)').count()).toBeGreaterThan(0);
      for (const text of await page.locator('#trail-table tbody tr:not(.json) td:nth-child(2)').allTextContents()) expect(text).toBe(who);

      // A click on a resource's name: that resource's changes, by Resource name.
      await page.fill('#trail-lookup-value', '');
      await page.selectOption('#trail-access', '');
      await page.locator('#trail-table tbody tr button.trail-resource', { hasText: 'web/WebServerSecurityGroup' }).first().click();
      expect(await page.inputValue('#trail-lookup')).toBe('ResourceName');
      expect(await page.inputValue('#trail-lookup-value')).toBe('web/WebServerSecurityGroup');
      expect(await page.inputValue('#trail-access')).toBe('changes');
      await revokeRow(page).waitFor();
      await page.screenshot({ path: screenshotPath(`trail-who-changed-click-${lang}`) });
      await page.close();
    }, 240_000);
  }
});
