import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { clickPiece, clickWorld, layoutOf, placeVpc, waitForResource } from './support/board.ts';
import { createRoom, joinFromLobby, openLobby } from './support/lobby.ts';

const chromiumPath = chromiumOrSkip();

// A co-op session: two browser pages on the server `npm start` runs; one creates a team room, the other joins
// it by its code, and both build on the same board.
describe.skipIf(!chromiumPath)('two players share a board in the browser', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer('scripts/start.ts'), launchChromium(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const openHome = (nickname: string): Promise<Page> => openLobby(browser, server.url, '/?lang=en', { nickname });

  it('shows each player what the other builds, and a removal', async () => {
    const host = await openHome('Ada');
    await host.screenshot({ path: screenshotPath('home') });
    const code = await createRoom(host);
    expect(code).toMatch(/^[A-Z0-9]{6}$/);

    const guest = await openHome('Grace');
    await joinFromLobby(guest, { code: code.toLowerCase() });
    await host.waitForSelector('#players li:nth-child(2)');

    // The host lays out the network; the guest sees it and puts a server in its second zone.
    await placeVpc(host);
    await guest.waitForFunction(() => document.querySelectorAll('#board-summary li').length >= 0 && (window as unknown as { fiveNines: { view: { current: { layout: { subnets: unknown[] } } } } }).fiveNines.view.current.layout.subnets.length >= 3);
    await guest.keyboard.press('3');
    const subnet = (await layoutOf(guest)).subnets[1]!;
    await clickWorld(guest, subnet.rect.x + subnet.rect.w / 2, subnet.rect.y + subnet.rect.h - 10);
    const onHost = host.locator('#board-summary li[data-kind="instance"]');
    await onHost.waitFor({ state: 'attached' });
    expect(await onHost.getAttribute('data-zone')).toMatch(/b$/);

    // A reload puts the guest back in the same seat of the same room (the reconnection token of this tab).
    await guest.reload();
    await guest.waitForSelector('body[data-ready="board"] #board canvas');
    expect(await guest.textContent('#room-code-display')).toBe(code);
    await guest.locator('#board-summary li[data-kind="instance"]').waitFor({ state: 'attached' });
    expect(await host.locator('#players li').count()).toBe(2);

    await host.waitForTimeout(400);
    await host.screenshot({ path: screenshotPath('coop-host') });
    await guest.screenshot({ path: screenshotPath('coop-guest') });

    // The host selects the guest's instance on the canvas and removes it; the guest sees it go.
    await clickPiece(host, 'Instance');
    await host.click('#remove-selected');
    await guest.locator('#board-summary li[data-kind="instance"]').waitFor({ state: 'detached' });
    await waitForResource(guest, 'subnet');

    // The host runs the clock and darkens a zone for everyone: both boards show it failed.
    await host.click('#clock-start');
    await host.selectOption('#chaos-event', 'az:us-east-1b');
    await host.click('#chaos-inject');
    for (const page of [host, guest]) {
      await page.waitForFunction(() => (window as unknown as { fiveNines: { view: { current: { layout: { regions: { zones: { zone: string; dark: boolean }[] }[] } } } } }).fiveNines.view.current.layout.regions[0]!.zones.find((z) => z.zone === 'us-east-1b')!.dark, null, { timeout: 20_000 });
    }
    await guest.waitForTimeout(400);
    await guest.screenshot({ path: screenshotPath('coop-zone-down') });
  });

  it('shows a join failure to the player who caused it', async () => {
    const page = await openHome('Linus');
    await page.fill('#room-code', 'QQQQQQ');
    await page.click('#join-room');
    await expect.poll(() => page.textContent('.lobby-error'), { timeout: 15_000 }).toContain('QQQQQQ');
  });
});
