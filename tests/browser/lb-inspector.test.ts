import { copyFileSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { clickPiece, waitForResource } from './support/board.ts';

const chromiumPath = chromiumOrSkip();

// The load balancer inspector: an ALB placed on the board shows its listeners, target group, algorithm,
// stickiness and cross-zone per target group; a change goes to the server and comes back on the board; a change
// the shared rules refuse (an HTTPS listener without a certificate, a cookie duration past AWS's week) is shown
// beside its field and changes nothing. Switched to an NLB, the panel offers only what an NLB takes.

/** Copies a test screenshot to /work/shots when that folder exists (the helpers' hand-in). */
function shot(name: string): string {
  const path = screenshotPath(name);
  return path;
}
function handIn(name: string): void {
  try {
    mkdirSync('/work/shots', { recursive: true });
    copyFileSync(screenshotPath(name), `/work/shots/${name}.png`);
  } catch {
    // Not on the helpers' machine: the screenshot stays under test-output/.
  }
}

async function boardWithAlb(browser: Browser, url: string, lang: 'en' | 'ko'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 2300 } });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${url}/?lang=${lang}`);
  await page.waitForSelector('body[data-ready="lobby"]');
  await page.fill('#nickname', lang === 'en' ? 'Ada' : '지수');
  // A level whose palette has load balancers.
  await page.selectOption('#team-scenario', 'two-zones-behind-a-load-balancer');
  await page.click('#create-room');
  await page.waitForSelector('body[data-ready="board"] #board canvas');
  // The level's own ALB, with its Auto Scaling group registered.
  await waitForResource(page, 'loadBalancer');
  await clickPiece(page, 'LoadBalancer');
  await page.waitForSelector('.inspector [data-lb-family="application"]');
  return page;
}

const field = (suffix: string) => `.inspector [data-field$="-${suffix}"]`;

describe.skipIf(!chromiumPath)('the load balancer inspector', () => {
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

  it('edits an ALB target group (algorithm, stickiness) and shows a refusal beside its field', async () => {
    const page = await boardWithAlb(browser, server.url, 'en');
    // What an ALB offers: two types only (never a GWLB), three algorithms, cross-zone on the target group.
    expect(await page.locator(`${field('lbType')} option`).allTextContents()).toEqual(['Application (ALB, layer 7)', 'Network (NLB, layer 4)']);
    expect(await page.locator(`${field('algorithm')} option`).count()).toBe(3);
    expect(await page.locator(`${field('protocol')} option`).allTextContents()).toEqual(['HTTP', 'HTTPS']);
    expect(await page.isVisible(`${field('crossZone')} button`)).toBe(true);

    await page.selectOption(`${field('algorithm')} select`, 'least_outstanding_requests');
    await waitForResource(page, 'targetGroup', "r.props.algorithm === 'least_outstanding_requests'");
    await page.click(`${field('stickiness')} button`);
    await waitForResource(page, 'targetGroup', 'r.props.stickiness === true');
    // Stickiness on: its cookie type and duration appear; a day by default, an hour set.
    await page.waitForSelector(field('stickinessDurationS'));
    expect(await page.inputValue(`${field('stickinessDurationS')} input`)).toBe('86400');
    await page.fill(`${field('stickinessDurationS')} input`, '3600');
    await page.press(`${field('stickinessDurationS')} input`, 'Enter');
    await waitForResource(page, 'targetGroup', 'r.props.stickinessDurationS === 3600');
    await page.selectOption(`${field('stickinessType')} select`, 'app_cookie');
    await waitForResource(page, 'targetGroup', "r.props.stickinessType === 'app_cookie'");
    await page.screenshot({ path: shot('lbui-alb-en'), fullPage: true });
    handIn('lbui-alb-en');

    // Refused: an HTTPS listener with no certificate (AWS's own words), and nothing changed.
    await page.selectOption(`${field('protocol')} select`, 'HTTPS');
    await page.waitForSelector(`${field('protocol')} .field-error`);
    expect(await page.textContent(`${field('protocol')} .field-error`)).toContain('A certificate must be specified for HTTPS listeners');
    await waitForResource(page, 'listener', "r.props.protocol === 'HTTP'");
    // Refused: a cookie longer than AWS's seven days.
    await page.fill(`${field('stickinessDurationS')} input`, '700000');
    await page.press(`${field('stickinessDurationS')} input`, 'Enter');
    await page.waitForSelector(`${field('stickinessDurationS')} .field-error`);
    await waitForResource(page, 'targetGroup', 'r.props.stickinessDurationS === 3600');
    await page.screenshot({ path: shot('lbui-refused-en'), fullPage: true });
    handIn('lbui-refused-en');

    // An NLB: layer-4 protocols, no per-request algorithm, no cookie stickiness, cross-zone on the load balancer,
    // a static address per zone.
    // Refused: an NLB takes no cookie stickiness, so the switch is refused with AWS's words and nothing changes.
    await page.selectOption(`${field('lbType')} select`, 'network');
    await page.waitForSelector(`${field('lbType')} .field-error`);
    expect(await page.textContent(`${field('lbType')} .field-error`)).toContain("Stickiness type 'app_cookie' is not supported");
    await waitForResource(page, 'loadBalancer', "r.props.lbType === 'application'");
    await page.click(`${field('stickiness')} button`);
    await waitForResource(page, 'targetGroup', 'r.props.stickiness === false');
    await page.selectOption(`${field('lbType')} select`, 'network');
    await page.waitForSelector('.inspector [data-lb-family="network"]');
    expect(await page.locator(`${field('protocol')} option`).allTextContents()).toEqual(['TLS', 'TCP', 'TCP_UDP', 'UDP']);
    expect(await page.locator(`${field('algorithm')}`).count()).toBe(0);
    expect(await page.locator(`${field('stickiness')}`).count()).toBe(0);
    expect(await page.textContent('.inspector [id$="-addresses"]')).toContain('static IPv4 address');
    await page.screenshot({ path: shot('lbui-nlb-en'), fullPage: true });
    handIn('lbui-nlb-en');
    await page.close();
  });

  it('shows the same panel in Korean', async () => {
    const page = await boardWithAlb(browser, server.url, 'ko');
    await page.click(`${field('stickiness')} button`);
    await waitForResource(page, 'targetGroup', 'r.props.stickiness === true');
    await page.waitForSelector(field('stickinessDurationS'));
    await page.selectOption(`${field('algorithm')} select`, 'weighted_random');
    await waitForResource(page, 'targetGroup', "r.props.algorithm === 'weighted_random'");
    expect(await page.textContent(`${field('lbType')} label`)).toBe('유형');
    expect(await page.locator(`${field('lbType')} option`).allTextContents()).toEqual(['애플리케이션(ALB, 7계층)', '네트워크(NLB, 4계층)']);
    await page.selectOption(`${field('protocol')} select`, 'HTTPS');
    await page.waitForSelector(`${field('protocol')} .field-error`);
    expect(await page.textContent(`${field('protocol')} .field-error`)).toContain('HTTPS 리스너에는 인증서가 있어야 합니다');
    await page.screenshot({ path: shot('lbui-alb-ko'), fullPage: true });
    handIn('lbui-alb-ko');
    await page.click(`${field('stickiness')} button`);
    await waitForResource(page, 'targetGroup', 'r.props.stickiness === false');
    await page.selectOption(`${field('lbType')} select`, 'network');
    await page.waitForSelector('.inspector [data-lb-family="network"]');
    await page.screenshot({ path: shot('lbui-nlb-ko'), fullPage: true });
    handIn('lbui-nlb-ko');
    await page.close();
  });
});
