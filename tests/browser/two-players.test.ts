import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutBoard } from '../../client/scenes/board-layout.ts';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

const chromiumPath = chromiumOrSkip();

// Two browser pages on the server `npm start` runs: one creates a room, the other joins it by its code.
describe.skipIf(!chromiumPath)('two players share a board in the browser', () => {
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

  async function openLobby(nickname: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(server.url);
    await page.fill('#nickname', nickname);
    return page;
  }

  /** Clicks the middle of a zone's empty area, found with the same layout the board draws with. */
  async function clickZone(page: Page, zoneIndex: number): Promise<void> {
    const box = (await page.locator('#board canvas').boundingBox())!;
    const zone = layoutBoard(box.width, box.height, 3).zones[zoneIndex]!;
    await page.mouse.click(box.x + zone.x + zone.w / 2, box.y + zone.y + zone.h - 40);
  }

  it('shows one player the component the other placed, and its removal', async () => {
    const host = await openLobby('Ada');
    await host.screenshot({ path: screenshotPath('lobby') });
    await host.click('#create-room');
    await host.waitForSelector('body[data-ready="board"] #board canvas');
    const code = (await host.textContent('#room-code-display'))!;
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    const guest = await openLobby('Grace');
    await guest.fill('#room-code', code.toLowerCase());
    await guest.click('#join-room');
    await guest.waitForSelector('body[data-ready="board"] #board canvas');
    await host.waitForSelector('#players li:nth-child(2)');

    await host.click('.palette-item[data-kind="instance"]');
    await clickZone(host, 1);
    await guest.keyboard.press('2');
    await clickZone(guest, 2);

    const instanceOnGuest = guest.locator('#board-summary li[data-kind="instance"][data-zone="us-east-1b"]');
    await instanceOnGuest.waitFor({ state: 'attached' });
    expect(await instanceOnGuest.textContent()).toContain('Instance1');
    await host.locator('#board-summary li[data-kind="database"][data-zone="us-east-1c"]').waitFor({ state: 'attached' });
    const total = await host.locator('#board-summary li').count();

    // Let a frame render after the last patch before taking pictures.
    await host.waitForTimeout(300);
    await host.screenshot({ path: screenshotPath('board-host') });
    await guest.screenshot({ path: screenshotPath('board-guest') });

    // The guest selects the host's instance on the canvas and removes it; the host sees it go.
    const box = (await guest.locator('#board canvas').boundingBox())!;
    const layout = layoutBoard(box.width, box.height, 3);
    const slot = layout.slot(layout.zones[1]!, 0);
    await guest.mouse.click(box.x + slot.x + slot.w / 2, box.y + slot.y + slot.h / 2);
    await guest.click('#remove-selected');
    await host.locator('#board-summary li[data-kind="instance"]').waitFor({ state: 'detached' });
    expect(await host.locator('#board-summary li').count()).toBe(total - 1);
  });

  it('shows a refusal to the player who caused it', async () => {
    const page = await openLobby('Linus');
    await page.fill('#room-code', 'QQQQQQ');
    await page.click('#join-room');
    await expect.poll(() => page.textContent('.lobby-error')).toContain('Could not join room QQQQQQ');
  });
});
