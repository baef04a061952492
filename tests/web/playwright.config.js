// Playwright against the built page (dist/web) served by scripts/serve.mjs,
// in Debian's Chromium. The page is mounted three times: at the root, under
// a docs site's sub-path, and embedded in a fixture docs page.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Workers inherit the environment, so every process agrees on one port.
process.env.CRDB_WEB_PORT ??= String(41000 + (process.pid % 8000));
const port = Number(process.env.CRDB_WEB_PORT);

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.js',
  outputDir: resolve(root, 'test-results/web'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['line']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node scripts/serve.mjs dist/web --port ${port} --mount /docs/tools/connect/=dist/web --mount /docs/guide/=tests/web/fixtures/guide`,
    cwd: root,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
