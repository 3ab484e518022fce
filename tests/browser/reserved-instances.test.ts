import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { fastClockPausingAt, playToPause, simSOf } from './support/clock.ts';
import { openBoard } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

type Hooks = {
  fiveNines: { view: { current: { match: { simS: number; board: { cost: { reservations: { instanceType: string; term: string; count: number }[]; forecastMonths: number[] } } } } } };
};

// Reserved Instances in Cost Explorer during a match: after an hour of instance usage the panel recommends a count
// of one type in one region per term, with the estimated monthly savings; Buy sends purchaseReservedInstances with
// shared's count, a bad count is refused in the player's language, and the bought reservations appear in the panel.
describe.skipIf(!chromiumPath)('Reserved Instances in Cost Explorer', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts', fastClockPausingAt(3705)), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(lang: 'en' | 'ko'): Promise<Page> {
    // The level whose board starts with ten m5.large: an hour of their usage gives a recommendation.
    return openBoard(browser, server.url, lang, { scenario: 'savings-plan-for-the-baseline', nickname: 'Ada' });
  }

  for (const lang of ['en', 'ko'] as const) {
    it(`recommends, refuses a bad count and buys the recommended reservations (${lang})`, async () => {
      const page = await open(lang);
      await page.click('#clock-start');
      // An hour of usage: the server stops the clock there; it runs on at the pace of a real 8× while the test buys.
      await playToPause(page);
      expect(await simSOf(page)).toBeGreaterThan(3700);
      await page.click('#clock-resume');
      await page.keyboard.press('b');
      const row = page.locator('#cost-ri-recommendations li[data-type="m5.large"][data-term="1y"]');
      await row.locator('[data-ri-submit]').waitFor();
      expect(await page.textContent('#cost-reserved-instances')).toContain(lang === 'en' ? 'No Reserved Instances bought.' : '구매한 예약 인스턴스가 없습니다.');
      const months = await page.evaluate(() => (window as unknown as Hooks).fiveNines.view.current.match.board.cost.forecastMonths);
      expect(months).toHaveLength(3);

      // The count is shared's recommendation, as sent: the client computes nothing.
      const recommended = await page.evaluate(() => (window as unknown as Hooks).fiveNines.view.current.match.board.cost.reservations.find((r) => r.instanceType === 'm5.large' && r.term === '1y')!.count);
      expect(recommended).toBeGreaterThan(0);
      expect(Number(await row.locator('[data-ri-count]').inputValue())).toBe(recommended);
      expect(await row.textContent()).toContain(lang === 'en' ? `${recommended} × m5.large in us-east-1` : `us-east-1의 m5.large ${recommended}개`);
      await page.locator('#cost-reserved-instances').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.screenshot({ path: screenshotPath(`ri-recommended-${lang}`) });

      await row.locator('[data-ri-count]').fill('0');
      await row.locator('[data-ri-submit]').click();
      await page.waitForSelector('#cost-ri-refused');
      expect(await page.textContent('#cost-ri-refused')).toContain(lang === 'en' ? 'a purchase reserves 1 to 20 instances' : '한 번에 예약할 수 있는 인스턴스는 1~20개');
      expect(await page.locator('#cost-ri-held').count()).toBe(0);

      await row.locator('[data-ri-count]').fill(String(recommended));
      await row.locator('[data-ri-submit]').click();
      await page.waitForSelector('#cost-ri-held');
      expect(await page.textContent('#cost-ri-held')).toContain('m5.large');
      await page.locator('#cost-ri-held').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.screenshot({ path: screenshotPath(`ri-bought-${lang}`) });
      await page.close();
    }, 240_000);
  }
});
