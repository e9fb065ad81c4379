import { test as base, expect } from '@playwright/test'

/** True for URLs that stay on this machine: the preview server, data: and blob: URLs. */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true
  return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname)
}

interface Guards {
  /** Non-local requests the page or its workers attempted (all blocked). */
  blockedRequests: string[]
  /** Console errors and uncaught page errors. */
  consoleErrors: string[]
}

/**
 * Every test runs offline and clean: requests leaving the machine are blocked and counted (the route on the
 * context also sees dedicated workers), console errors are collected, and both must be empty at the end.
 */
export const test = base.extend<Guards>({
  blockedRequests: [
    async ({ context }, use) => {
      const blocked: string[] = []
      await context.route('**/*', (route) => {
        const url = route.request().url()
        if (isLocal(url)) return route.continue()
        blocked.push(url)
        return route.abort('blockedbyclient')
      })
      await use(blocked)
      expect(blocked, 'requests to anything but the local server').toEqual([])
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text())
      })
      page.on('pageerror', (e) => errors.push(e.message))
      await use(errors)
      expect(errors, 'console errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
