import type { Locator, Page } from '@playwright/test'
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
  }

  async open(scenarioId: string, query = '') {
    await this.page.goto(`/play/${scenarioId}${query}`)
    await expect(this.graph.locator('.react-flow__node').first()).toBeVisible()
  }

  /** Clicks one of the scenario's suggested dispatches. */
  async suggest(name: RegExp | string) {
    await this.page.getByRole('button', { name }).click()
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
