import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { createRoom, gotoLobby, joinFromLobby, newPage, recordConnectionStates } from './support/lobby.ts';

const chromiumPath = chromiumOrSkip();

// Every way a connection ends reaches the player as a state on the page, and the page comes back by itself
// where it can: a lost network (the browser goes offline and back), and a server restart (SIGTERM, then the
// same port again), after which each player is back in their own seat, the host still the host.
describe.skipIf(!chromiumPath)('the page and its connection', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'five-nines-browser-restart-'));
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts', { DATA_DIR: dataDir }), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openHome(nickname: string, lang = 'en'): Promise<Page> {
    const page = await newPage(browser);
    await recordConnectionStates(page);
    await gotoLobby(page, server.url, `/?lang=${lang}`);
    await page.fill('#nickname', nickname);
    return page;
  }

  /** These tests start a server again (a new embedded database takes tens of seconds on a busy 2-core machine). */
  const RESTART_TEST_MS = 240_000;
  const banner = (page: Page, state: string) => page.waitForSelector(`#connection-status[data-state="${state}"]`, { timeout: 30_000 });
  /** The page has been back in its seat since it last lost it (the "back" banner may already have gone). */
  const cameBack = (page: Page) =>
    page.waitForFunction(
      () => {
        const seen = (window as unknown as { connectionSeen: string[] }).connectionSeen;
        const back = seen.lastIndexOf('back');
        return back >= 0 && back > seen.lastIndexOf('lost') && back > seen.lastIndexOf('restarting');
      },
      null,
      { timeout: 30_000 },
    );

  it('shows a lost connection and comes back, across a server restart too, each player in their own seat', async () => {
    const host = await openHome('Ada');
    const code = await createRoom(host);
    const guest = await openHome('Grace', 'ko');
    await joinFromLobby(guest, { code });
    await host.waitForSelector('#players li:nth-child(2):not(.away)');
    expect(await host.$('#connection-status')).toBeNull();

    // The network goes: the page says so at once, and is back in its seat when the network returns.
    await guest.context().setOffline(true);
    const lost = await banner(guest, 'lost');
    expect(await lost.textContent()).toContain('연결이 끊겼습니다');
    await guest.screenshot({ path: screenshotPath('connection-lost-ko') });
    await guest.context().setOffline(false);
    await cameBack(guest);
    await guest.screenshot({ path: screenshotPath('connection-back-ko') });
    await host.waitForSelector('#players li:nth-child(2):not(.away)');
    expect(await host.locator('#players li').count()).toBe(2);

    // The host starts the clock; then the server stops with SIGTERM and both pages say it is restarting.
    await host.click('#clock-start');
    await host.waitForSelector('#clock-pause');
    const port = server.port;
    expect(await server.stop('SIGTERM')).toBe(0);
    const restarting = await banner(host, 'restarting');
    expect(await restarting.textContent()).toContain('The server is restarting');
    await banner(guest, 'restarting');
    await host.screenshot({ path: screenshotPath('connection-restarting') });

    // The same server comes back on the same port: both pages return to their own seats, by themselves.
    server = await startServer('scripts/start.ts', { DATA_DIR: dataDir, PORT: String(port) });
    await cameBack(host);
    await cameBack(guest);
    await host.screenshot({ path: screenshotPath('connection-back-after-restart') });
    expect(await host.textContent('#room-code-display')).toBe(code);
    await host.waitForSelector('#players li:nth-child(2):not(.away)');
    expect(await host.locator('#players li').count()).toBe(2);
    expect(await host.locator('#players li', { hasText: 'Ada' }).textContent()).toContain('★');
    expect(await host.locator('#players li', { hasText: 'Grace' }).textContent()).not.toContain('★');

    // Restored paused; the host (and only the host) resumes, and both boards run on.
    await host.click('#clock-resume');
    await host.waitForSelector('#clock-pause');
    await guest.waitForFunction(() => document.body.dataset.connection !== 'restarting');
    // The banner goes by itself once the seat is back.
    await host.waitForSelector('#connection-status', { state: 'detached', timeout: 10_000 });
  }, RESTART_TEST_MS);

  it('says the room has closed when the room is gone for good', async () => {
    const page = await openHome('Linus');
    await createRoom(page);
    const port = server.port;
    // A room that was never checkpointed (the data folder is new): after the restart it does not exist.
    expect(await server.stop('SIGKILL')).toBe(null);
    await banner(page, 'lost');
    server = await startServer('scripts/start.ts', { DATA_DIR: mkdtempSync(join(tmpdir(), 'five-nines-browser-empty-')), PORT: String(port) });
    const closed = await banner(page, 'room-closed');
    expect(await closed.textContent()).toContain('The room has closed');
    await page.screenshot({ path: screenshotPath('connection-room-closed') });
    await page.click('#connection-status button');
    await page.waitForSelector('#create-room');
  }, RESTART_TEST_MS);
});
