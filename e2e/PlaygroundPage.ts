import type { Locator, Page } from '@playwright/test'
import { readEditor } from './editorText'
import { expect } from './fixtures'

/** The one page object: the playground's regions, found by role and test id. */
export class PlaygroundPage {
  readonly page: Page
  readonly graph: Locator
  readonly log: Locator
  readonly scenario: Locator
  readonly timeline: Locator
  readonly stepBack: Locator
  readonly stepForward: Locator
  readonly narration: Locator
  readonly ledger: Locator
  readonly inspector: Locator
  readonly code: Locator
  readonly run: Locator
  readonly console: Locator

  constructor(page: Page) {
    this.page = page
    this.graph = page.getByTestId('subscription-graph')
    this.log = page.getByRole('table', { name: 'Event log' })
    this.scenario = page.getByRole('combobox', { name: 'Scenario' })
    this.timeline = page.getByRole('slider', { name: 'Timeline' })
    this.stepBack = page.getByRole('button', { name: 'Step back' })
    this.stepForward = page.getByRole('button', { name: 'Step forward' })
    this.narration = page.getByTestId('narration')
    this.ledger = page.getByRole('region', { name: 'Delivery' })
    this.inspector = page.getByRole('region', { name: 'Inspector' })
    this.code = page.getByRole('region', { name: 'Code' })
    this.run = page.getByRole('button', { name: 'Run', exact: true })
    this.console = page.getByRole('region', { name: 'Console' })
  }

  /**
   * Monaco on a desktop, once it has loaded: a textarea stands in until the pointer comes near the
   * editor (or the page has been idle a while), and on phones.
   */
  async monaco(): Promise<Locator> {
    await this.code.locator('.editor-slot').hover()
    const lines = this.code.locator('.monaco-editor .view-lines')
    // Monaco is megabytes of script parsed on demand: tens of seconds on a machine at load 20.
    await expect(lines).toBeVisible({ timeout: 60_000 })
    // The textarea that stood in leaves once Monaco has mounted (EditorSlot's handover): until then
    // keystrokes still go to it.
    await expect(this.code.locator('textarea.fallback-editor__text')).toHaveCount(0)
    return lines
  }

  /** Replaces the editor's code as a user would: select all, then type (Monaco) or fill (textarea). */
  async writeCode(code: string) {
    const phone = (this.page.viewportSize()?.width ?? 1280) <= 760
    if (phone) {
      await this.code.getByRole('textbox').fill(code)
      return
    }
    const lines = await this.monaco()
    await expect(async () => {
      await lines.click()
      await this.page.keyboard.press('ControlOrMeta+A')
      await this.page.keyboard.insertText(code)
      // Monaco may indent typed lines itself: compare without leading spaces.
      const strip = (t: string) => t.replace(/^[ \t]+/gm, '')
      expect(strip(await this.readCode())).toBe(strip(code))
    }).toPass({ timeout: 20_000 })
  }

  /** The editor's code as it stands. */
  readCode(): Promise<string> {
    return readEditor(this.code)
  }

  async open(scenarioId: string, query = '') {
    await this.page.goto(`/play/${scenarioId}${query}`)
    await expect(this.graph.locator('.react-flow__node').first()).toBeVisible()
  }

  /** Clicks one of the scenario's suggested calls (Try it), opening the tab that holds them. */
  async suggest(name: RegExp | string) {
    const button = this.page.getByRole('button', { name })
    const scenarioTab = this.page.getByRole('tab', { name: 'Scenario' })
    if (!(await button.isVisible()) && (await scenarioTab.isVisible())) await scenarioTab.click()
    await button.click()
  }

  /** Opens one of the tabs of ways to make a change (Dispatch, Actions, World, Sessions). */
  async tab(name: string) {
    await this.page.getByRole('tab', { name, exact: true }).click()
  }

  /** A session node on the graph: `bob`'s first session is `session('bob', 1)`. */
  session(user: string, ordinal = 1): Locator {
    return this.graph.getByRole('group', { name: new RegExp(`^${user} session ${ordinal},`) })
  }

  /** What the graph and the log show, as text: what "exactly the same" is checked against. */
  async snapshot() {
    const nodes = await this.graph.locator('.react-flow__node').allTextContents()
    const edges = await this.graph
      .locator('.react-flow__edge')
      .evaluateAll((els) =>
        els
          .map(
            (e) =>
              `${e.getAttribute('data-id') ?? ''} ${e.querySelector('g')?.getAttribute('class') ?? ''}`,
          )
          .sort(),
      )
    const rows = await this.log.locator('tbody tr').allTextContents()
    return { nodes: [...nodes].sort(), edges, rows, timeline: await this.timeline.inputValue() }
  }
}
