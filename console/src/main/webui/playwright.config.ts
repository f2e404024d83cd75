import { defineConfig } from '@playwright/test';

// Drives Debian's Chromium (Playwright's own browser download is not available here). The system under test is
// started by the caller (system-tests' ConsoleBrowserIT, or ./run-local) and named by CONSOLE_URL.
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: process.env.CONSOLE_URL ?? 'http://localhost:8084',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
    trace: 'off',
  },
});
