import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { blocking } from './support/axe.ts';
import { recordLiveRegions } from './support/live-regions.ts';

const chromiumPath = chromiumOrSkip();

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`: how a keyboard user reaches it. */
async function tabTo(page: Page, selector: string, back = false, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} was not reached with the keyboard`);
}

/** Moves the board outline's focus down to the first item matching `selector`, from the item that has it. */
async function arrowTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${selector} is not in the board outline`);
}

const level = 'one-web-server';
/** The consoles' keys (client/ui/consoles/dock.ts): each console is scanned with the board behind it. */
const CONSOLES = ['w', 'b', 't', 'v', 'f', 'i', 'n', 'e'];

type Fives = { fiveNines: { view: { current: { match: { phase: string }; armed: string | null } }; board: { particles(): number; scene(): { traffic: { bobs: { x: number; y: number; visible: boolean }[] } } } } };

/** Where the first visible traffic particle is on the board now. */
const firstParticle = (page: Page) =>
  page.evaluate(() => {
    const bob = (window as unknown as Fives).fiveNines.board.scene().traffic.bobs.find((b) => b.visible);
    return bob ? { x: bob.x, y: bob.y } : null;
  });

// Issue 16 §4: the game played without a mouse, announced to screen readers, calm for players who ask for less
// motion, and scanned by axe-core on each screen, in English and Korean. The Korean run asks for reduced motion.
describe.skipIf(!chromiumPath)('accessibility', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer('scripts/start.ts');
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function freshPage(lang: string, reducedMotion: 'reduce' | 'no-preference'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion });
    // Everything a live region says, as a screen reader would hear it: texts added under aria-live or an alert.
    await context.addInitScript(recordLiveRegions);
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    // The End button's confirmation, answered with Enter as a keyboard user would.
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${server.url}/?lang=${lang}`);
    await page.waitForSelector('body[data-ready="lobby"]');
    return { context, page };
  }

  for (const [lang, motion] of [['en', 'no-preference'], ['ko', 'reduce']] as const) {
    it(`plays ${level} to the results with the keyboard alone, announced, with no serious axe finding (${lang}, motion: ${motion})`, { timeout: 300_000 }, async () => {
      const { context, page } = await freshPage(lang, motion);
      const findings: string[] = [];
      findings.push(...(await blocking(page, 'home')));

      await tabTo(page, '#nickname');
      await page.keyboard.type('Ada');
      await tabTo(page, '#play-campaign');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.levels');
      findings.push(...(await blocking(page, 'campaign map')));
      await tabTo(page, `.level-button[data-scenario="${level}"]`);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#start-scenario');
      findings.push(...(await blocking(page, 'briefing')));
      await tabTo(page, '#start-scenario');
      await page.keyboard.press('Enter');
      await page.waitForSelector('body[data-ready="board"] #board canvas');

      // A VPC: armed with its key, placed on the region's item of the board outline.
      await page.keyboard.press('1');
      await tabTo(page, '#board-outline [role="treeitem"][tabindex="0"]');
      await arrowTo(page, '[data-kind="region"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#board-outline [data-kind="subnet"]');
      // A server put where it may not go (the global band) is refused, and the refusal is announced.
      const heardBefore = await page.evaluate(() => (window as unknown as { heard: string[] }).heard.length);
      await page.keyboard.press('3');
      await page.keyboard.press('Home');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => (window as unknown as { heard: string[] }).heard.length > n, heardBefore);
      // A server in the first public subnet, the same way.
      await page.keyboard.press('3');
      await arrowTo(page, '[data-kind="subnet"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#board-outline [data-kind="piece"]');
      // The piece is selected from the outline, and the inspector shows it.
      await arrowTo(page, '[data-kind="piece"]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('.inspector');
      await page.screenshot({ path: screenshotPath(`keyboard-board-${lang}`) });
      findings.push(...(await blocking(page, 'board')));
      // Each console, opened with its key, scanned where it shows.
      for (const key of CONSOLES) {
        await page.keyboard.press('Escape');
        await page.keyboard.press(key);
        await page.waitForSelector('.dock-body');
        findings.push(...(await blocking(page, `console ${key}`, '.dock-body')));
      }

      // Start: the host's button in the top bar, reached backwards.
      await tabTo(page, '#clock-start', true);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (window as unknown as Fives).fiveNines.view.current.match.phase === 'running');
      // Traffic: the particles move, unless less motion was asked for.
      await page.waitForFunction(() => (window as unknown as Fives).fiveNines.board.particles() > 0, null, { timeout: 30_000 });
      const before = await firstParticle(page);
      if (motion === 'reduce') {
        // A second of frames later, every particle stands where it stood.
        await page.waitForTimeout(1000);
        expect(await firstParticle(page)).toEqual(before);
      } else {
        await page.waitForFunction(
          (b) => {
            const bob = (window as unknown as Fives).fiveNines.board.scene().traffic.bobs.find((x) => x.visible);
            return !!bob && (bob.x !== b?.x || bob.y !== b?.y);
          },
          before,
          { timeout: 10_000 },
        );
      }

      await tabTo(page, '#clock-end', true);
      await page.keyboard.press('Enter');
      await page.waitForSelector('.results', { timeout: 60_000 });
      await page.screenshot({ path: screenshotPath(`keyboard-results-${lang}`) });
      findings.push(...(await blocking(page, 'results')));
      // The scenario's announcement at 0:15 was read out as the rest played out.
      const heard = await page.evaluate(() => (window as unknown as { heard: string[] }).heard.join(' | '));
      expect(heard).toContain(lang === 'ko' ? '뉴스레터' : 'newsletter');
      expect(findings).toEqual([]);
      await context.close();
    });
  }
});
