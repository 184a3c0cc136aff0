import { defineConfig } from '@playwright/test'

/**
 * Visual check only: screenshots of the account pages against a mocked API
 * (page.route), served by the Vite dev server. Not part of `npm run test:e2e`.
 *   npx playwright test -c playwright.visual.config.ts
 * PNGs land in test-results/visual/.
 */
export default defineConfig({
  testDir: './e2e',
  testMatch: /.*\.visual\.ts$/,
  outputDir: './test-results/playwright-visual',
  timeout: 120_000,
  workers: 1,
  reporter: 'list',
  webServer: {
    command: 'npx vite --port 5179 --strictPort',
    url: 'http://127.0.0.1:5179',
    reuseExistingServer: true,
    timeout: 60_000,
  },
  use: {
    baseURL: 'http://127.0.0.1:5179',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    },
  },
})
