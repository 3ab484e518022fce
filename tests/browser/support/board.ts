// Driving the board from a browser test: where things are comes from the page's own view-model (the layout the
// scene draws with), turned into canvas pixels by the board's camera, so a click lands where a player's would.
import type { Browser, Page } from 'playwright-core';
import { createRoom, openLobby } from './lobby.ts';

export interface LayoutJson {
  regions: { code: string; rect: Rect; zones: { zone: string; rect: Rect; dark: boolean }[] }[];
  cells: { vpc: string; zone: string; region: string; rect: Rect }[];
  subnets: { ref: string; zone: string; rect: Rect }[];
  vpcs: { ref: string; rect: Rect }[];
  pieces: Record<string, { rect: Rect }>;
}
interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export async function layoutOf(page: Page): Promise<LayoutJson> {
  return page.evaluate(() => {
    const l = (window as unknown as { fiveNines: { view: { current: { layout: { regions: unknown; cells: unknown; subnets: unknown; vpcs: unknown; pieces: Map<string, unknown> } } } } }).fiveNines.view.current.layout;
    return { regions: l.regions, cells: l.cells, subnets: l.subnets, vpcs: l.vpcs, pieces: Object.fromEntries(l.pieces) } as never;
  });
}

export async function clickWorld(page: Page, x: number, y: number, options: { shift?: boolean } = {}): Promise<void> {
  const box = (await page.locator('#board canvas').boundingBox())!;
  const p = await page.evaluate(([wx, wy]) => (window as unknown as { fiveNines: { board: { toScreen(x: number, y: number): { x: number; y: number } } } }).fiveNines.board.toScreen(wx!, wy!), [x, y]);
  if (options.shift) await page.keyboard.down('Shift');
  await page.mouse.click(box.x + p.x, box.y + p.y);
  if (options.shift) await page.keyboard.up('Shift');
}

export async function hoverWorld(page: Page, x: number, y: number): Promise<void> {
  const box = (await page.locator('#board canvas').boundingBox())!;
  const p = await page.evaluate(([wx, wy]) => (window as unknown as { fiveNines: { board: { toScreen(x: number, y: number): { x: number; y: number } } } }).fiveNines.board.toScreen(wx!, wy!), [x, y]);
  await page.mouse.move(box.x + p.x, box.y + p.y);
}

export const centre = (r: Rect): [number, number] => [r.x + r.w / 2, r.y + r.h / 2];

/** Waits until the page's board holds a resource for which `test` (run in the page) is true. */
export async function waitForResource(page: Page, kind: string, extra = 'true'): Promise<void> {
  await page.waitForFunction(
    ([k, e]) => (window as unknown as { fiveNines: { view: { current: { match: { board: { resources: { kind: string; props: Record<string, unknown> }[] } } } } } }).fiveNines.view.current.match.board.resources.some((r) => r.kind === k && new Function('r', `return ${e}`)(r)),
    [kind, extra] as const,
    { timeout: 15_000 },
  );
}

export async function pieceRef(page: Page, logicalIdStart: string): Promise<string> {
  const l = await layoutOf(page);
  const ref = Object.keys(l.pieces).find((r) => r.split('/')[1]!.startsWith(logicalIdStart));
  if (!ref) throw new Error(`no piece ${logicalIdStart} on the board`);
  return ref;
}

export async function clickPiece(page: Page, logicalIdStart: string): Promise<string> {
  const ref = await pieceRef(page, logicalIdStart);
  const l = await layoutOf(page);
  await clickWorld(page, ...centre(l.pieces[ref]!.rect));
  return ref;
}

/** Places a VPC with its three public subnets in the first region, with the palette's key. */
export async function placeVpc(page: Page): Promise<void> {
  await page.keyboard.press('1');
  const region = (await layoutOf(page)).regions[0]!.rect;
  await clickWorld(page, region.x + region.w / 2, region.y + region.h - 30);
  await page.waitForFunction(() => (window as unknown as { fiveNines: { view: { current: { layout: { subnets: unknown[] } } } } }).fiveNines.view.current.layout.subnets.length >= 3, null, { timeout: 15_000 });
}

/** Arms a palette entry by key and clicks the bottom of the VPC's cell in zone `zoneIndex`. */
export async function placeInCell(page: Page, key: string, zoneIndex: number): Promise<void> {
  await page.keyboard.press(key);
  const cell = (await layoutOf(page)).cells[zoneIndex]!.rect;
  await clickWorld(page, cell.x + cell.w / 2, cell.y + cell.h - 8);
}

/**
 * A new page that creates a solo room (on a scenario whose palette the test needs, else the default one) and waits
 * for its board. A page error fails the test.
 */
export async function openBoard(
  browser: Browser,
  url: string,
  lang: 'en' | 'ko',
  options: { scenario?: string; height?: number; nickname?: string } = {},
): Promise<Page> {
  const page = await openLobby(browser, url, `/?lang=${lang}`, { height: options.height ?? 1100, nickname: options.nickname ?? (lang === 'en' ? 'Ada' : '지수') });
  await createRoom(page, options.scenario);
  return page;
}

/** A solo room's board with the CloudFormation panel open on a stack of that name (the panel's tests start here). */
export async function openCloudFormation(
  browser: Browser,
  url: string,
  lang: 'en' | 'ko',
  stack: string,
  height = 1000,
  scenario?: string,
): Promise<Page> {
  const page = await openBoard(browser, url, lang, { height, scenario });
  await page.keyboard.press('f');
  await page.fill('#cfn-stack', stack);
  return page;
}
