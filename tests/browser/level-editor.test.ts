import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelToYaml, parseLevelText } from '../../shared/scenario/level.ts';
import { chromiumOrSkip, launchChromium, screenshotPath } from '../support/browser.ts';
import { joinRoom, type Player } from '../support/sdk.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { waitFor } from '../support/wait.ts';
import { FAST_CLOCK } from './support/clock.ts';

const chromiumPath = chromiumOrSkip();

const TITLE = 'One web server, our school’s way';
type Hooks = { fiveNines: { view: { current: { match: { simS: number; levelCode?: string } } } } };

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string; path: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click(button)])) as [Download, void];
  const path = (await download.path())!;
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

/** axe-core's serious and critical findings (WCAG 2.2 A and AA rules) on the page. */
async function blocking(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The editor's long page in screen-high pieces, to look at. */
async function shootEditor(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, n = 1; y < height; y += 1400, n++) await page.screenshot({ path: screenshotPath(`${name}-${n}`), fullPage: true, clip: { x: 0, y, width: 1280, height: Math.min(1400, height - y) } });
}

// A teacher's own level through the browser (issue 17): written in the editor from the campaign's first level (a
// new title and budget), proven in the page's worker, published, a new version saved, exported and imported back
// identically; then played solo from its link to the results, and run as a two-team classroom competition.
describe.skipIf(!chromiumPath)('the level editor', () => {
  let server: RunningServer;
  let browser: Browser;
  const students: Player[] = [];

  beforeAll(async () => {
    server = await startServer('scripts/start.ts', FAST_CLOCK);
    browser = await launchChromium(chromiumPath!);
  });
  afterAll(async () => {
    for (const s of students) await s.leave().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  async function openPage(path: string): Promise<Page> {
    // A context of its own (axe-core asks for one), so each page is its own browser's storage too.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('body[data-ready="lobby"]');
    return page;
  }

  it('writes, proves, publishes, exports and re-imports a level, plays it solo by its link and runs it as a competition', async () => {
    const page = await openPage('/?lang=en');
    await page.fill('#nickname', 'Ms Lee');
    await page.click('#create-level');
    await page.waitForSelector('#level-editor');
    expect(new URL(page.url()).search).toBe('?editor');

    // From the campaign's first level: its words, figures and boards fill the form.
    await page.selectOption('#level-start-campaign', 'one-web-server');
    await page.click('#level-start-campaign-go');
    await page.waitForFunction(() => (document.querySelector('#level-title') as HTMLInputElement | null)?.value === 'One web server');
    await page.waitForSelector('#level-summary.clean');
    expect(await page.inputValue('#level-solutions-reference-stacks-0-template')).toContain('AWS::EC2::Instance');

    // A field checked as one types: the message under it, tied to it, and nothing can be proven meanwhile.
    await page.fill('#level-budgetUsd', '-1');
    await page.waitForSelector('[data-path="budgetUsd"] .field-error');
    expect(await page.getAttribute('#level-budgetUsd', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#level-budgetUsd', 'aria-describedby')).toContain('level-budgetUsd-error');
    expect(await page.isDisabled('#level-prove')).toBe(true);
    await page.screenshot({ path: screenshotPath('level-editor-field-error') });

    // The teacher's own title and budget.
    await page.fill('#level-title', TITLE);
    await page.fill('#level-budgetUsd', '4');
    await page.waitForSelector('#level-summary.clean');
    // The preview chart draws the shared plan.
    await page.waitForSelector('#level-traffic-chart canvas');
    expect(await page.isDisabled('#level-publish')).toBe(true);

    // The proof, in the worker: the reference wins, the naive design loses; then it may be published.
    await page.click('#level-prove');
    await page.waitForSelector('#level-publishable', { timeout: 120_000 });
    expect(await page.getAttribute('[data-design="reference"]', 'class')).toContain('won');
    expect(await page.getAttribute('[data-design="naive"]', 'class')).toContain('lost');
    expect(await page.textContent('[data-design="naive"] [data-objective="availability"]')).toContain('missed');
    expect(await page.locator('#level-naive-wins').count()).toBe(0);
    await shootEditor(page, 'level-editor-en');

    await page.click('#level-publish');
    await page.waitForSelector('#level-code');
    const code = (await page.textContent('#level-code'))!.trim();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const link = await page.inputValue('#level-link');
    expect(link).toBe(`${server.url}/?level=${code}`);
    const tokens = await page.evaluate(() => JSON.parse(localStorage.getItem('five-nines.level-tokens') ?? '{}') as Record<string, string>);
    expect(tokens[code]).toBeTruthy();
    expect(await page.textContent('#level-published')).toContain('version 1');
    // The proof side by side and the published level's card: nothing axe-core finds serious.
    expect(await blocking(page)).toEqual([]);

    // A new version: the editor asks for a new proof first, then saves it under the same code.
    await page.fill('#level-latencyObjectiveMs', '150');
    await page.waitForSelector('#level-save-version:disabled');
    await page.click('#level-prove');
    await page.waitForSelector('#level-publishable', { timeout: 120_000 });
    await page.click('#level-save-version');
    await page.waitForFunction(() => document.querySelector('#level-published')?.textContent?.includes('version 2'));
    expect((await page.textContent('#level-code'))!.trim()).toBe(code);
    // Its address opens it again in the editor, as its author's (the token is in this browser).
    expect(new URL(page.url()).search).toBe(`?edit=${code}`);
    await page.reload();
    await page.waitForSelector('#level-published');
    expect(await page.inputValue('#level-title')).toBe(TITLE);
    expect(await page.textContent('#level-published')).toContain('version 2');
    expect(await page.locator('#level-delete').count()).toBe(1);

    // Exported, the file is the level; imported back and exported again, it is the same file.
    const file = await downloaded(page, '#level-export');
    expect(file.name).toBe('one-web-server.yaml');
    const read = parseLevelText(file.text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.level).toMatchObject({ title: TITLE, budgetUsd: 4, latencyObjectiveMs: 150 });
    expect(levelToYaml(read.level)).toBe(file.text);
    const copy = join(tmpdir(), `five-nines-level-${code}.yaml`);
    writeFileSync(copy, file.text);
    await page.click('#level-start-new');
    await page.waitForFunction(() => (document.querySelector('#level-title') as HTMLInputElement | null)?.value === '');
    await page.setInputFiles('#level-file', copy);
    await page.waitForFunction((title) => (document.querySelector('#level-title') as HTMLInputElement | null)?.value === title, TITLE);
    await page.waitForSelector('#level-summary.clean');
    expect((await downloaded(page, '#level-export')).text).toBe(file.text);
    // A broken file is refused with its problems named by field.
    const broken = join(tmpdir(), `five-nines-level-${code}-broken.yaml`);
    writeFileSync(broken, file.text.replace('budgetUsd: 4', 'budgetUsd: lots'));
    await page.setInputFiles('#level-file', broken);
    await page.waitForSelector('#level-summary [data-path="budgetUsd"], [data-path="budgetUsd"] .field-error');

    // The link: the level's page, its briefing; solo play names the level and reaches the results.
    const player = await openPage(`/?level=${code}&lang=en`);
    await player.waitForSelector('#level-page');
    expect(await player.textContent('#briefing-title')).toBe(TITLE);
    expect(await player.getAttribute('#level-page', 'data-version')).toBe('2');
    await player.screenshot({ path: screenshotPath('level-page') });
    await player.click('#start-scenario');
    await player.waitForSelector('body[data-ready="board"] #board canvas');
    await player.waitForFunction(() => (window as unknown as Hooks).fiveNines.view.current.match.levelCode !== undefined);
    expect(await player.evaluate(() => (window as unknown as Hooks).fiveNines.view.current.match.levelCode)).toBe(code);
    expect(await player.textContent('.scenario-title')).toBe(TITLE);
    await player.click('#clock-start');
    await player.waitForSelector('#phase[data-phase="running"]');
    await player.click('[data-speed="8"]');
    await player.waitForFunction(() => (window as unknown as Hooks).fiveNines.view.current.match.simS > 600, null, { timeout: 60_000 });
    player.once('dialog', (d) => void d.accept());
    await player.click('#clock-end');
    await player.waitForSelector('.results', { timeout: 100_000 });
    expect(await player.textContent('#results-title')).toBe(TITLE);
    await player.screenshot({ path: screenshotPath('level-solo-results') });
    // Its best is the level's own, not the campaign level it started from.
    const progress = await player.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('five-nines.campaign') ?? '{}') as object));
    expect(progress).toEqual([`level:${code}`]);
    await player.close();

    // A classroom competition from the level's page: the teacher's form with the level chosen.
    const teacher = await openPage(`/?level=${code}&lang=en`);
    await teacher.waitForSelector('#level-page');
    await teacher.click('#level-competition');
    await teacher.waitForSelector('#competition-form');
    expect(await teacher.inputValue('#competition-level')).toBe(code);
    expect(await teacher.textContent('[data-field="competition-level"]')).toContain(TITLE);
    await teacher.fill('#competition-teams', '2');
    await teacher.fill('#competition-team-size', '1');
    await teacher.fill('#competition-build-time', '1');
    await teacher.fill('#competition-speed', '8');
    await teacher.click('#create-competition');
    await teacher.waitForSelector('#competition-card');
    expect(await teacher.textContent('#competition-card-title')).toBe(TITLE);
    const roomCode = (await teacher.textContent('#competition-code'))!.trim();
    await teacher.click('#open-console');
    await teacher.waitForSelector('body[data-ready="board"] #competition-console');
    expect(await teacher.evaluate(() => (window as unknown as Hooks).fiveNines.view.current.match.levelCode)).toBe(code);
    students.push(await joinRoom(server.url, roomCode, { nickname: 'Ada', team: 'team-1' }));
    students.push(await joinRoom(server.url, roomCode, { nickname: 'Ben', team: 'team-2' }));
    const wire = () => students[1]!.state() as unknown as { levelCode?: string; levelVersion?: number; teams: Record<string, unknown> };
    await waitFor(() => wire().levelCode === code, 'the room names the level');
    expect(wire().levelVersion).toBe(2);
    expect(Object.keys(wire().teams)).toHaveLength(2);
    await teacher.click('#clock-start');
    await teacher.waitForSelector('#competition-status[data-phase="running"]');
    await teacher.screenshot({ path: screenshotPath('level-competition-running') });
    teacher.once('dialog', (d) => void d.accept());
    await teacher.click('#clock-end');
    await teacher.waitForSelector('#competition-console #competition-status[data-phase="results"]', { timeout: 90_000 });
    await teacher.close();

    // Its author (the browser that holds its token) deletes it: its link then says it is gone.
    const author = page;
    await author.goto(`${server.url}/?edit=${code}&lang=en`);
    await author.waitForSelector('#level-published');
    await author.click('#level-delete');
    await author.click('#level-delete-yes');
    await author.waitForFunction(() => document.querySelector('#level-published') === null);
    expect(await author.evaluate((c) => (JSON.parse(localStorage.getItem('five-nines.level-tokens') ?? '{}') as Record<string, string>)[c], code)).toBeUndefined();
    await author.goto(`${server.url}/?level=${code}&lang=en`);
    await author.waitForFunction((c) => document.querySelector('.lobby-error')?.textContent?.includes(c), code);
    await author.close();
  }, 400_000);

  it('shows the editor in Korean, with the schema’s messages in Korean; reached and used by keyboard, with no serious axe finding', async () => {
    const page = await openPage('/?lang=ko');
    // From home to the editor and a campaign level in it, by keyboard alone.
    for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.id === 'create-level')); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#level-editor');
    expect(await page.textContent('#level-editor h1')).toBe('레벨 만들기');
    await page.focus('#level-start-campaign');
    await page.selectOption('#level-start-campaign', 'one-web-server');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('level-start-campaign-go');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#level-summary.clean');
    expect(await blocking(page)).toEqual([]);
    await page.fill('#level-title', '');
    await page.waitForSelector('[data-path="title"] .field-error');
    expect(await page.textContent('[data-path="title"] .field-error')).toMatch(/[가-힣]/);
    expect(await blocking(page)).toEqual([]);
    await page.click('#level-add-event');
    await page.waitForSelector('[data-item="event-1"]');
    await shootEditor(page, 'level-editor-ko');
    await page.close();
  });
});
