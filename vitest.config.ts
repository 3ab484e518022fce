import { defineConfig } from 'vitest/config';
import SummaryLineReporter from './tests/support/summary-reporter.ts';

// Three groups: the pure rules (fast, parallel), rooms over real WebSockets (each test file starts its own
// server on a free port) and the browser (one Chromium at a time: the machines have two cores).
export default defineConfig({
  test: {
    reporters: ['default', new SummaryLineReporter()],
    projects: [
      // A timeout is a hang detector, not a speed check: a proof runs whole scenarios, which take seconds on a
      // loaded two-core machine (vitest's 5 s default failed three of them while other work shared the cores).
      { test: { name: 'shared', include: ['tests/shared/**/*.test.ts', 'tests/tooling/**/*.test.ts', 'tests/client/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'server', include: ['tests/server/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
