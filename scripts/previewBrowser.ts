/**
 * The production build served by `vite preview` and Debian's Chromium launched against it, as both
 * `scripts/screenshots.ts` and `bench/ui.ts` drive the site. It sits in scripts/, the project's
 * tools, and bench/ui.ts imports it from there; nothing in scripts/ imports bench/, so the two stay
 * one-way, and both stay above every layer of src/.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium, type Browser } from '@playwright/test'

/** A preview server of `dist/` and a browser; `close()` stops both (the server even if it hung). */
export interface PreviewBrowser {
  readonly browser: Browser
  close(): Promise<void>
}

/** The address `vite preview` answers on at `port`, without a trailing slash. */
export function previewBase(port: number): string {
  return `http://127.0.0.1:${port}`
}

/** Resolves once `url` answers with a 2xx, or throws after `timeoutMs`. */
async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`the preview server did not answer at ${url}`)
}

/**
 * Serves `dist/` on `port` and launches Chromium (`CHROMIUM_PATH`, else `/usr/bin/chromium` when it
 * exists, else Playwright's own). Throws when there is no build, the port is taken or the browser
 * does not start; the server is stopped then too.
 */
export async function openPreviewBrowser(port: number): Promise<PreviewBrowser> {
  if (!existsSync('dist/index.html')) throw new Error('no dist/: run `npm run build` first')
  const base = previewBase(port)
  // Its own process group, so killing the group takes npx's child (vite) with it.
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  })
  const stopServer = () => {
    try {
      if (server.pid) process.kill(-server.pid)
    } catch {
      // already gone (the port was taken, say): nothing to stop
    }
  }
  try {
    await waitForServer(base, 30_000)
    const executablePath =
      process.env.CHROMIUM_PATH ??
      (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
    const browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: ['--disable-gpu', '--disable-background-networking'],
    })
    return {
      browser,
      async close() {
        try {
          await browser.close()
        } finally {
          stopServer()
        }
      },
    }
  } catch (error) {
    stopServer()
    throw error
  }
}
