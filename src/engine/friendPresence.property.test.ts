import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { command, runCommand, startHistory } from './testing/histories.ts'
import type { InspectionEvent } from './trace/types.ts'

/**
 * docs/design/semantics.md §7 and §10 (turn 3): a presence change reaches the user's friends through
 * `friend`, and IDENTIFY makes its friend links before it fans its presence out. Over random histories
 * (friendships made in the world or by addFriend, sessions coming and going): whenever an IDENTIFY
 * changes its user's presence, every session that was open before it, of every user linked to it as a
 * friend once it returns, is considered by that IDENTIFY's PRESENCE_UPDATE through `friend`.
 */
describe('friends hear an IDENTIFY over random histories', () => {
  // A property test: a few seconds of fast-check, more on a loaded machine.
  it(
    "reaches every friend's open sessions with the presence an IDENTIFY sets",
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(fc.array(command, { maxLength: 50, size: 'max' }), (commands) => {
          const { sim, state } = startHistory()
          const events: InspectionEvent[] = []
          sim.inspect((event) => events.push(event))
          for (const c of commands) {
            const open = new Set(sim.states.all().map((s) => s.sessionId))
            events.length = 0
            runCommand(sim, state, c)
            if (c.kind !== 'identify') continue
            const identified = events.find((e) => e.type === 'session' && e.change === 'identify')
            if (!identified || identified.type !== 'session') continue
            const user = identified.userId
            const changed = events.some(
              (e) => e.type === 'world' && e.change.entity === 'presence' && e.change.id === user,
            )
            if (!changed) continue
            const considered = new Set(
              events.flatMap((e) =>
                e.type === 'dispatch' && e.backend === 'friend' && e.key === user
                  ? [
                      ...e.result.delivered,
                      ...e.result.buffered,
                      ...e.result.skipped.map((s) => s.sessionId),
                    ]
                  : [],
              ),
            )
            for (const friend of sim.dispatcher.subscribers('friend', user)) {
              for (const session of sim.states.userStates(friend)) {
                if (open.has(session.sessionId)) expect(considered).toContain(session.sessionId)
              }
            }
          }
        }),
        { numRuns: 150 },
      )
    },
  )
})
