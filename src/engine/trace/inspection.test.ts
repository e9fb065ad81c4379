import { describe, expect, it } from 'vitest'
import { createSimulation } from '../simulation.ts'
import { addUsers, ALICE, G, GENERAL } from '../testing/fixtures.ts'
import type { InspectionEvent } from './types.ts'

function summary(e: InspectionEvent): string {
  switch (e.type) {
    case 'dispatch':
      return `dispatch#${e.id} ${e.eventType} ${e.backend}:${e.key} → ${e.result.delivered.length}/${e.result.buffered.length}`
    case 'send':
      return `send ${e.frame.t ?? `op${e.frame.op}`} ${e.outcome}${e.replay ? ' replay' : ''}`
    case 'subscribe':
    case 'unsubscribe':
      return `${e.type} ${e.backend}:${e.key}`
    case 'session':
      return `session ${e.change}${e.reason ? ` (${e.reason})` : ''} ${e.status}`
    case 'world':
      return `world ${e.change.op} ${e.change.entity}`
    case 'clock':
      return `clock +${e.advancedBy}`
    case 'action':
      return `action ${e.phase} ${e.name}`
  }
}

describe('the inspection stream', () => {
  it('reports a session life in order: identify, frames, subscriptions, dispatches, resume, close', () => {
    const sim = createSimulation({ resumeWindowMs: 1000 })
    const events: string[] = []
    const stop = sim.inspect((e) => events.push(summary(e)))
    addUsers(sim, ALICE)
    sim.world.createGuild({ id: G, name: 'G', ownerId: ALICE })
    sim.world.createChannel({ id: GENERAL, guildId: G })
    const a = sim.gateway.identify({ userId: ALICE, presence: { status: 'offline' } })
    sim.gateway.disconnect(a.sessionId)
    sim.dispatcher.dispatch('guild', G, 'GUILD_UPDATE', {})
    sim.gateway.resume(a.sessionId, 2)
    sim.gateway.disconnect(a.sessionId)
    sim.clock.advance(1000)
    stop()
    sim.world.createUser({ username: 'unseen' })
    expect(events).toEqual([
      'world create user',
      'world create guild',
      'world create channel',
      'session identify connected',
      'send READY delivered',
      'send GUILD_CREATE delivered',
      `subscribe guild:${G}`,
      `subscribe channel:${GENERAL}`,
      'session disconnect disconnected',
      `dispatch#1 GUILD_UPDATE guild:${G} → 0/1`,
      'session resume connected',
      'send GUILD_UPDATE delivered replay',
      'send RESUMED delivered',
      'session disconnect disconnected',
      'clock +1000',
      `unsubscribe guild:${G}`,
      `unsubscribe channel:${GENERAL}`,
      'session close (resume-window) closed',
    ])
  })

  it('builds nothing when nobody listens, and a listener can stop itself', () => {
    const sim = createSimulation()
    let calls = 0
    const stop = sim.inspect(() => {
      calls++
      stop()
    })
    addUsers(sim, ALICE)
    addUsers(sim, '20')
    expect(calls).toBe(1)
  })
})
