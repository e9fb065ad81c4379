import { describe, expect, it } from 'vitest'
import { scenarioById } from '../scenarios/index.ts'
import { createPlaygroundStore } from './createPlaygroundStore.ts'
import { explainFrame, frameName, narrateStep, tallyStep, tallyText } from './stepStory.ts'

function load(id: string) {
  const scenario = scenarioById(id)
  if (!scenario) throw new Error(`no scenario ${id}`)
  return { scenario, store: createPlaygroundStore({ scenario }) }
}

describe('a step in words', () => {
  it('says what a step sent each session, over its dispatches and direct sends', () => {
    const { store } = load('guild-basics')
    const { steps, model } = store.getState()
    const name = (id: string) => {
      const e = model.directory.get(id)
      return e ? `${model.users.find((u) => u.id === e.userId)?.username} #${e.ordinal}` : id
    }
    // carol IDENTIFYs: READY and GUILD_CREATE to her, her presence to alice and bob.
    const tallies = tallyStep(steps[3]!)
    expect(tallies.map((t) => tallyText(t, name)).sort()).toEqual([
      'alice #1 1×',
      'bob #1 1×',
      'carol #1 2×',
    ])
    expect(narrateStep(steps[3]!, 3, name)).toMatch(
      /^Step 4 made 2 dispatches, sent 2 frames directly: /,
    )
    expect(narrateStep(steps[5]!, 5, name)).toBe(
      'Step 6 (bob loses the staff role (world only: his #staff subscription stays)) sent nothing: it changed the world or subscriptions only.',
    )
    store.destroy()
  })

  it('explains READY, GUILD_CREATE, a replayed frame and RESUMED', () => {
    const { scenario, store } = load('disconnect-and-resume')
    store.getState().actions.apply(scenario.suggested[0]!)
    store.getState().actions.pause()
    const { steps, cursor, model } = store.getState()
    const resume = steps[cursor - 1]!
    const [first, second, resumed] = resume.directs
    expect(frameName(first!)).toBe('MESSAGE_CREATE (s 3)')
    expect(explainFrame(first!, resume, model)).toMatch(
      /^Replayed from its resume buffer: .* RESUME from s 2 sends every frame after that seq again/,
    )
    expect(second?.replay).toBe(true)
    expect(resumed?.t).toBe('RESUMED')
    expect(explainFrame(resumed!, resume, model)).toMatch(/Nothing was lost/)
    const identify = steps[1]!
    const ready = identify.directs.find((d) => d.t === 'READY')!
    expect(explainFrame(ready, identify, model)).toMatch(/^The first frame of every session/)
    const guild = identify.directs.find((d) => d.t === 'GUILD_CREATE')!
    expect(explainFrame(guild, identify, model)).toMatch(/\(Fanout HQ\).*GUILDS/)
    store.destroy()
  })
})
