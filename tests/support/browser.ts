// Finds a Chromium for browser tests and launches it headless with the flags this sandbox needs.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT } from './server-process.ts';

const USUAL_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const INSTALL_HINT = 'no Chromium found: install one with `apt-get install -y chromium` or set CHROME_PATH';

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROME_PATH, ...USUAL_PATHS].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p));
}

/**
 * The browser to test with, or undefined when there is none and the tests may be skipped. On CI a missing
 * browser is a failure, not a skip: a green run must mean the browser tests ran.
 */
export function chromiumOrSkip(): string | undefined {
  const path = findChromium();
  if (path) return path;
  if (process.env.CI) throw new Error(`CI is set and ${INSTALL_HINT}`);
  console.warn(`browser tests skipped: ${INSTALL_HINT}`);
  return undefined;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

/** Screenshots go under test-output/ (git-ignored). */
export function screenshotPath(name: string): string {
  const dir = join(REPO_ROOT, 'test-output', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
