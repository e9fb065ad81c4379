import { defineConfig, devices } from '@playwright/test'
import { existsSync } from 'node:fs'

// Debian's Chromium (scripts/ensure-chromium.mjs installs it); Playwright's own only where that is absent.
const DEBIAN_CHROMIUM = '/usr/bin/chromium'
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined)

// Another port lets a second checkout run its e2e tests beside this one (E2E_PORT=4174 npm run e2e).
const PORT = Number(process.env.E2E_PORT ?? 4173)
// The base-path tests (e2e/subpath/) need their own build under /fanout/, served by
// scripts/serve-subpath.mjs on two more ports; E2E_SUBPATH=0 leaves them out of a quick local run.
const SUBPATH = process.env.E2E_SUBPATH !== '0'
const SUBPATH_PORT = PORT + 1000
const SUBPATH_PAGES_PORT = PORT + 2000
const browser = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 720 },
  launchOptions: {
    ...(executablePath ? { executablePath } : {}),
    args: ['--disable-gpu', '--disable-quic', '--disable-background-networking'],
  },
}

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  // One retry: these tests run on shared 2-core machines where load can stretch a page's work tenfold.
  // A test that passes only on its retry is still printed, marked flaky, to be mended at its cause.
  retries: 1,
  forbidOnly: true,
  reporter: [['list']],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    { name: 'chromium', testIgnore: 'subpath/**', use: browser },
    ...(SUBPATH
      ? [
          {
            name: 'subpath',
            testMatch: 'subpath/**/*.spec.ts',
            use: { ...browser, baseURL: `http://127.0.0.1:${SUBPATH_PORT}/fanout/` },
            metadata: { pagesURL: `http://127.0.0.1:${SUBPATH_PAGES_PORT}/fanout/` },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    ...(SUBPATH
      ? [
          {
            command: 'node scripts/serve-subpath.mjs',
            env: {
              SUBPATH_PORT: String(SUBPATH_PORT),
              SUBPATH_PAGES_PORT: String(SUBPATH_PAGES_PORT),
            },
            url: `http://127.0.0.1:${SUBPATH_PORT}/fanout/`,
            reuseExistingServer: false,
            timeout: 180_000,
          },
        ]
      : []),
  ],
})
