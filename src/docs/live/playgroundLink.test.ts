import { afterEach, describe, expect, it } from 'vitest'
import { createTestRunner } from '../../sandbox/testing.ts'
import type { SandboxRunner } from '../../sandbox/protocol.ts'
import { docScenarios, scenarioById } from '../../scenarios/index.ts'
import { MAX_CODE_LENGTH } from '../../store/codeStorage.ts'
import { createPlaygroundStore, type PlaygroundStore } from '../../store/createPlaygroundStore.ts'
import { readShareHash, ShareLinkError } from '../../store/share.ts'
import { playgroundPath } from './playgroundLink.ts'

/** The page's runner over Node sandbox sessions (what the worker runs). */
const runner = (): SandboxRunner => createTestRunner().runner

let store: PlaygroundStore
afterEach(() => store?.destroy())

const open = (path: string) => {
  const [pathname = '', hash = ''] = path.split('#')
  return { pathname, shared: readShareHash(`#${hash}`, scenarioById) }
}

describe('Open in playground from a docs example', () => {
  for (const example of docScenarios) {
    it(`${example.id}: opens its own world with the reader's code, at the step they were on`, async () => {
      store = createPlaygroundStore({ scenario: example, sandbox: runner })
      const world = store.getState().steps.length
      const edited = `// edited\n${example.code}`
      store.getState().actions.setCode(edited)
      await store.getState().actions.runCode({ from: world })
      const state = store.getState()
      expect(state.steps.length).toBeGreaterThan(world)
      const { pathname, shared } = open(playgroundPath({ ...state, scenario: example }))
      expect(pathname).toBe(`/play/${example.id}`)
      expect(shared?.scenario.id).toBe(example.id)
      expect(shared?.code).toBe(edited)
      expect(shared?.cursor).toBe(state.cursor)
      expect(shared?.plan).toHaveLength(state.steps.length)
      // The world is named, not listed: only the reader's steps are in the link.
      expect(shared?.scenarioSteps).toBe(world)
    })
  }

  it('says why when the code is too long for a link', () => {
    const example = docScenarios[0]!
    store = createPlaygroundStore({ scenario: example })
    store.getState().actions.setCode('x'.repeat(MAX_CODE_LENGTH + 1))
    expect(() => playgroundPath({ ...store.getState(), scenario: example })).toThrow(ShareLinkError)
  })
})
