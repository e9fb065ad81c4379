import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

interface Violation {
  id: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/** axe-core's WCAG 2 A / AA and best-practice rules on the page as it is now: none may fail. */
export async function expectNoViolations(page: Page, what: string) {
  await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe
    const result = (await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'best-practice'],
    })) as { violations: Violation[] }
    return result.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }))
  })
  expect(violations, what).toEqual([])
}
