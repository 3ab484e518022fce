import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { fastClockPausingAt, playToPause, simSOf } from './support/clock.ts';
import { openBoard } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

type Hooks = {
  fiveNines: { view: { current: { match: { simS: number; board: { cost: { recommendations: { term: string; hourlyCommitmentUsd: number }[] } } } } } };
};

// Buying a Savings Plan from Cost Explorer during a match: after an hour of EC2 usage the panel recommends a
// commitment per term; its Buy control is prefilled with shared's figure, sends purchaseSavingsPlan, and the
// bought plan appears in the panel. A bad amount and a second plan are refused in the panel, changing nothing.
describe.skipIf(!chromiumPath)('buying a Savings Plan in Cost Explorer', () => {
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
    it(`buys the recommended plan and refuses a bad amount and a second plan (${lang})`, async () => {
      const page = await open(lang);
      await page.click('#clock-start');
      // An hour of usage: the server stops the clock there; it runs on at the pace of a real 8× while the test buys.
      await playToPause(page);
      expect(await simSOf(page)).toBeGreaterThan(3700);
      await page.click('#clock-resume');
      await page.keyboard.press('b');
      const row = (term: string) => page.locator(`#cost-recommendations li[data-term="${term}"]`);
      await row('3y').locator('[data-buy-submit]').waitFor();
      expect(await page.textContent('#cost-savings-plans')).toContain(lang === 'en' ? 'No Savings Plan bought.' : '구매한 Savings Plan이 없습니다.');

      // The commitment is shared's recommendation, as sent: the client computes nothing.
      const recommended = await page.evaluate(() => (window as unknown as Hooks).fiveNines.view.current.match.board.cost.recommendations.find((r) => r.term === '3y')!.hourlyCommitmentUsd);
      expect(recommended).toBeGreaterThan(0);
      expect(Number(await row('3y').locator('[data-buy-hourly]').inputValue())).toBe(recommended);
      expect(await row('3y').locator('[data-buy-submit]').textContent()).toBe(lang === 'en' ? 'Buy' : '구매');

      // A commitment of zero: CreateSavingsPlan's range refuses it, and no plan is bought.
      await row('1y').locator('[data-buy-hourly]').fill('0');
      await row('1y').locator('[data-buy-submit]').click();
      await page.waitForSelector('#cost-buy-refused');
      expect(await page.textContent('#cost-buy-refused')).toContain(lang === 'en' ? 'the hourly commitment must be 0.001 to 1,000,000 USD' : '시간당 약정 금액은 0.001~1,000,000 USD');
      expect(await page.locator('#cost-plan').count()).toBe(0);

      await row('3y').locator('[data-buy-payment]').selectOption('ALL_UPFRONT');
      await row('3y').locator('[data-buy-submit]').click();
      await page.waitForSelector('#cost-plan');
      expect(await page.locator('#cost-buy-refused').count()).toBe(0);
      const plan = (await page.textContent('#cost-plan'))!;
      expect(plan).toContain('3y');
      expect(plan).toContain('ALL_UPFRONT');
      await page.locator('#cost-plan').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.screenshot({ path: screenshotPath(`spbuy-bought-${lang}`) });

      // A second plan in the same run is refused, in the player's language; the bought one stays.
      await row('1y').locator('[data-buy-hourly]').fill('0.5');
      await row('1y').locator('[data-buy-submit]').click();
      await page.waitForSelector('#cost-buy-refused');
      expect(await page.textContent('#cost-buy-refused')).toContain(lang === 'en' ? 'a Savings Plan is already bought in this run' : '이미 Savings Plan을 구매했습니다');
      expect(await page.textContent('#cost-plan')).toContain('3y');
      await page.locator('#cost-buy-refused').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.screenshot({ path: screenshotPath(`spbuy-refused-${lang}`) });
      await page.close();
    }, 240_000);
  }
});
