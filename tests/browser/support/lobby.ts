// The lobby as every browser test enters it: a new page whose errors fail the test, on the home screen, a nickname
// typed; from there a room created or joined, waiting for its board. Written once so each test says only what is
// its own.
import type { Browser, Page } from 'playwright-core';

export interface PageOptions {
  width?: number;
  height?: number;
  /** Accept confirm() dialogs (the host's End, a removal) as a player who means it. */
  acceptDialogs?: boolean;
  acceptDownloads?: boolean;
  /** The page's default wait, for tests whose screens take long on a loaded machine. */
  timeoutMs?: number;
}

/** A new page (1440 × 900 unless told) on which a page error fails the test. */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1440, height: options.height ?? 900 }, ...(options.acceptDownloads ? { acceptDownloads: true } : {}) });
  if (options.timeoutMs) page.setDefaultTimeout(options.timeoutMs);
  page.on('pageerror', (error) => {
    throw error;
  });
  if (options.acceptDialogs) page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

/** Opens `path` (the home screen with its query: '/?lang=ko', '/?code=…') and waits for the lobby. */
export async function gotoLobby(page: Page, url: string, path = '/?lang=en'): Promise<void> {
  await page.goto(`${url}${path}`);
  await page.waitForSelector('body[data-ready="lobby"]');
}

/** A new page on the lobby at `path`, with the nickname typed when one is given. */
export async function openLobby(browser: Browser, url: string, path = '/?lang=en', options: PageOptions & { nickname?: string } = {}): Promise<Page> {
  const page = await newPage(browser, options);
  await gotoLobby(page, url, path);
  if (options.nickname !== undefined) await page.fill('#nickname', options.nickname);
  return page;
}

/** Creates a room from the lobby (on the scenario picked, else the one selected) and waits for its board. Returns the room code. */
export async function createRoom(page: Page, scenario?: string): Promise<string> {
  if (scenario) await page.selectOption('#team-scenario', scenario);
  await page.click('#create-room');
  await page.waitForSelector('body[data-ready="board"] #board canvas');
  return (await page.textContent('#room-code-display'))!;
}

/** Joins a room from the lobby (the code typed unless the join link filled it in, a team asked for when given) and waits for its board. */
export async function joinFromLobby(page: Page, options: { code?: string; team?: string; timeoutMs?: number } = {}): Promise<void> {
  if (options.code !== undefined) await page.fill('#room-code', options.code);
  if (options.team !== undefined) await page.fill('#join-team', options.team);
  await page.click('#join-room');
  await page.waitForSelector('body[data-ready="board"] #board canvas', options.timeoutMs ? { timeout: options.timeoutMs } : {});
}

/**
 * Keeps every connection state the page enters, in order, in `window.connectionSeen`: "back" shows for a few seconds
 * only, and on a busy machine the seat can come back (and the banner go) before the test looks, so tests read the
 * record. Call before the page opens.
 */
export async function recordConnectionStates(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { connectionSeen: string[] }).connectionSeen = seen;
    new MutationObserver(() => {
      const state = document.body?.dataset.connection;
      if (state && seen[seen.length - 1] !== state) seen.push(state);
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-connection'] });
  });
}
