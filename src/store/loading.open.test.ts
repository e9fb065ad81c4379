import LZString from 'lz-string'
import { describe, expect, it } from 'vitest'
import scale from '../scenarios/discord-scale.ts'
import type { Scenario } from '../scenarios/types.ts'
import { createPlaygroundStore } from './createPlaygroundStore.ts'
import { readLink, shareHash } from './share.ts'
import type { PlaygroundState } from './types.ts'
import { settled } from './testing/settled.ts'
import { intents, smallScale, storeOnIntents, withSmallScale } from './testing/smallScale.ts'

const visible = (s: PlaygroundState) => ({
  scenario: s.scenario?.id,
  seed: s.seed,
  cursor: s.cursor,
  labels: s.steps.map((step) => step.label),
  dispatches: s.steps.flatMap((step) => step.dispatches.map((d) => d.result)),
  code: s.code,
})

const craft = (data: unknown) =>
  `#run=${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`

describe('opening a share link', () => {
  it('opens a small link at once, with its code, at its cursor, without running it', () => {
    const store = createPlaygroundStore({ scenario: intents })
    store.getState().actions.apply(intents.suggested[0]!)
    store.getState().actions.pause()
    store.getState().actions.setCode('console.log("shared")')
    store.getState().actions.seek(2)
    const hash = shareHash(store.getState() as PlaygroundState & { scenario: Scenario })
    const other = createPlaygroundStore({
      open: { link: `#${hash}`, otherwise: intents },
      scenarios: withSmallScale,
    })
    expect(visible(other.getState())).toEqual(visible(store.getState()))
    expect(other.getState().running).toBe(false)
    expect(other.getState().consoleEntries).toEqual([])
    store.destroy()
    other.destroy()
  })

  it('opens the scenario as it starts, with one notice, when the link is damaged', () => {
    const store = createPlaygroundStore({
      open: { link: '#run=NoTaLiNk', otherwise: intents },
      scenarios: withSmallScale,
    })
    const fresh = createPlaygroundStore({ scenario: intents })
    expect(visible(store.getState())).toEqual(visible(fresh.getState()))
    expect(store.getState().error).toEqual({
      heading: 'This link could not be opened',
      message: expect.stringMatching(/^The link is damaged: .*The scenario opened as it starts\.$/),
    })
    store.destroy()
    fresh.destroy()
  })

  it('a link opened into a playground that cannot be read says why and changes nothing (hashchange)', () => {
    const store = storeOnIntents()
    store.getState().actions.apply(intents.suggested[0]!)
    store.getState().actions.pause()
    const before = visible(store.getState())
    expect(store.getState().actions.open({ link: '#run=NoTaLiNk' })).toBe(false)
    expect(store.getState().error?.heading).toBe('This link could not be opened')
    expect(visible(store.getState())).toEqual(before)
    // A hash that is no link at all opens nothing and says nothing.
    store.getState().actions.clearError()
    expect(store.getState().actions.open({ link: '#top' })).toBe(true)
    expect(store.getState().error).toBeNull()
    expect(visible(store.getState())).toEqual(before)
    store.destroy()
  })

  // Each loads a world of 1,500 members, several times over: seconds on a busy machine.
  describe('into a scenario built by rules', { timeout: 60_000 }, () => {
    it('holds the scenario id and the calls made since, and rebuilds the rest', async () => {
      const store = createPlaygroundStore({ scenario: intents })
      store.getState().actions.loadScenario(smallScale)
      await settled(store)
      expect(store.getState().actions.apply(smallScale.suggested[0]!)).toBe(true)
      store.getState().actions.pause()
      store.getState().actions.setCode('// at scale')
      const hash = shareHash(store.getState() as PlaygroundState & { scenario: Scenario })
      expect(hash.length).toBeLessThan(1_000)
      const link = readLink(`#${hash}`, withSmallScale)
      expect(link.shared?.scenarioSteps).toBe(4)
      expect(link.shared?.plan).toHaveLength(5)
      expect(link.shared?.plan[4]?.calls).toMatchObject([smallScale.suggested[0]])

      // The store leaves a load in slices for start() (its provider calls it once mounted).
      const other = createPlaygroundStore({ open: { link: `#${hash}` }, scenarios: withSmallScale })
      expect(other.getState().scenario).toBeNull()
      other.start()
      expect(other.getState().loading).toMatchObject({ kind: 'scenario' })
      await settled(other)
      expect(other.getState().error).toBeNull()
      expect(visible(other.getState())).toEqual(visible(store.getState()))
      store.destroy()
      other.destroy()
    })

    it('opens the scenario as it starts, with the reason, when a call is refused while loading', async () => {
      const hash = craft({
        format: 'fanout-run',
        version: 1,
        scenario: scale.id,
        seed: scale.seed,
        scenarioSteps: 4,
        cursor: 5,
        code: '// hostile',
        steps: [{ calls: [{ target: 'gateway', method: 'identify', args: [{ userId: '1' }] }] }],
      })
      expect(readLink(hash, withSmallScale).shared).toBeDefined()
      const store = createPlaygroundStore({ open: { link: hash }, scenarios: withSmallScale })
      store.start()
      await settled(store)
      const state = store.getState()
      expect(state.error).toEqual({
        heading: 'This link could not be opened',
        message: expect.stringMatching(
          /^Step 5 \(gateway\.identify\) was refused: .*The scenario opened as it starts\.$/,
        ),
      })
      expect(state.scenario?.id).toBe(scale.id)
      expect(state.steps).toHaveLength(4)
      expect(state.code).not.toBe('// hostile')
      store.destroy()
    })
  })
})
