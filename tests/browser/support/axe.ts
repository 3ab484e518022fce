// axe-core through Playwright: what blocks a player on a screen, and each screen scanned in both languages.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { screenshotPath } from '../../support/browser.ts';

/** axe-core's findings that block a player: the serious and critical ones (WCAG 2.2 A and AA rules). */
export async function blocking(page: Page, screen: string, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  const result = await (within ? builder.include(within) : builder).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}${n.any[0]?.message ? ` [${n.any[0].message}]` : ''}`).join(' | ')}`);
}

/**
 * Switches the page's language with its own switch, the first one on the page (clicked from the page: on an
 * overlay's screen the top bar's switch is under the overlay), and waits for the panels to have re-read their words.
 */
export async function switchLanguage(page: Page, lang: 'en' | 'ko'): Promise<void> {
  await page.evaluate((l) => (document.querySelector(`.language-switch button[data-lang="${l}"]`) as HTMLButtonElement).click(), lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  // Preact renders on a later task, and the switch's buttons fade their background for 0.15 s (a scan in the middle
  // of it reads a colour no one sees for long); a page in the background gets no animation frames to wait for.
  await page.waitForTimeout(350);
}

/**
 * The screen scanned in English, then in Korean (the page is left in Korean); `screenshot` names the PNGs taken of it
 * in each language (`<name>-en`, `<name>-ko`).
 */
export async function blockingInBoth(page: Page, screen: string, options: { within?: string; screenshot?: string } = {}): Promise<string[]> {
  const found: string[] = [];
  for (const lang of ['en', 'ko'] as const) {
    await switchLanguage(page, lang);
    if (options.screenshot) await page.screenshot({ path: screenshotPath(`${options.screenshot}-${lang}`) });
    found.push(...(await blocking(page, `${screen} (${lang})`, options.within)));
  }
  return found;
}
