import { describe, expect, it } from 'vitest'
import { createMemberListDemo, DEMO_ACTIONS, itemLabel } from './memberListDemo.ts'

const action = (id: string) => {
  const found = DEMO_ACTIONS.find((a) => a.id === id)
  if (!found) throw new Error(id)
  return found
}
const labels = (copy: readonly unknown[]) => copy.map((i) => itemLabel(i as never))

describe('the member list demo (fixture L on the engine)', () => {
  it('starts with the SYNCs of litecord-notes example 9: everything for alice, 4–7 for Bob', () => {
    const [alice, bob] = createMemberListDemo().state()
    expect(labels(alice?.copy ?? [])).toEqual([
      'Admins (1)',
      'alice · online',
      'Mods (1)',
      'Bob · online',
      'online (2)',
      'carl · online',
      'Eve · idle',
      'offline (1)',
      'dave · offline',
    ])
    expect(alice?.ops.map((o) => o.op)).toEqual(['SYNC'])
    expect(labels(bob?.copy ?? []).slice(4)).toEqual([
      'online (2)',
      'carl · online',
      'Eve · idle',
      'offline (1)',
    ])
  })

  it('sends one UPDATE when carl goes dnd in his group (example 11)', () => {
    const [alice] = createMemberListDemo().run(action('carl-dnd'))
    expect(alice?.ops).toEqual([{ op: 'UPDATE', index: 5, item: expect.anything() }])
    expect(itemLabel(alice?.copy[5])).toBe('carl · dnd')
  })

  it('moves carl to offline with DELETE, header UPDATEs and INSERT, and both copies stay exact', () => {
    const [alice, bob] = createMemberListDemo().run(action('carl-offline'))
    expect(alice?.ops.map((o) => o.op).sort()).toEqual(['DELETE', 'INSERT', 'UPDATE', 'UPDATE'])
    const expected = [
      'Admins (1)',
      'alice · online',
      'Mods (1)',
      'Bob · online',
      'online (1)',
      'Eve · idle',
      'offline (2)',
      'carl · offline',
      'dave · offline',
    ]
    expect(labels(alice?.copy ?? [])).toEqual(expected)
    expect(labels(bob?.copy ?? []).slice(4, 8)).toEqual(expected.slice(4, 8))
  })

  it('INVALIDATEs the window Bob gives up and SYNCs the new one', () => {
    const [, bob] = createMemberListDemo().run(action('bob-moves'))
    expect(bob?.ops.map((o) => o.op)).toEqual(['INVALIDATE', 'SYNC'])
    expect(bob?.ranges).toEqual([[0, 3]])
    expect(labels(bob?.copy ?? []).slice(0, 4)).toEqual([
      'Admins (1)',
      'alice · online',
      'Mods (1)',
      'Bob · online',
    ])
  })

  it('keeps both copies exact through every action in a row', () => {
    const demo = createMemberListDemo()
    for (const a of DEMO_ACTIONS) {
      const [alice, bob] = demo.run(a)
      for (const [start, end] of bob?.ranges ?? []) {
        for (let i = start; i <= end && i < (alice?.copy.length ?? 0); i++) {
          expect(itemLabel(bob?.copy[i]), `${a.id} index ${i}`).toBe(itemLabel(alice?.copy[i]))
        }
      }
    }
  })
})
