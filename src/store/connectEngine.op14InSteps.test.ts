import { describe, expect, it } from 'vitest'
import { createSimulation } from '../engine/index.ts'
import { gateway, session, world } from '../scenarios/calls.ts'
import { recordCalls, recordStep } from './connectEngine.ts'
import { applyCall, WITHIN_CALL, type CallEngine } from '../calls/index.ts'

const GUILD = '5000'
const GENERAL = '6000'
const MEMBERS = 1_201

/** A guild of 1,201 members and one channel; its owner connected (session 0). */
function guildRun(): CallEngine {
  const run: CallEngine = { sim: createSimulation({ seed: 4 }), sessions: [] }
  for (let i = 0; i < MEMBERS; i++)
    applyCall(run, world.createUser({ id: String(100 + i), username: `user${i}` }))
  applyCall(run, world.createGuild({ id: GUILD, name: 'G', ownerId: '100' }))
  for (let i = 1; i < MEMBERS; i++) applyCall(run, world.addMember(GUILD, String(100 + i)))
  applyCall(run, world.createChannel({ id: GENERAL, guildId: GUILD, name: 'general' }))
  applyCall(run, gateway.identify({ userId: '100' }))
  return run
}

const op14 = [gateway.requestMemberList(session(0), GUILD, { [GENERAL]: [[0, 99]] })]

describe('op 14 in a sliced job', () => {
  it('yields within the call while its member list is built, and records the same step', () => {
    const once = guildRun()
    const expected = recordStep(once, op14, 1)
    const sliced = guildRun()
    const job = recordCalls(sliced, op14, 1)
    const yields: unknown[] = []
    let next = job.next()
    for (; !next.done; next = job.next()) yields.push(next.value)
    // 1,201 members read 500 at a time: two pauses inside the call, then the call is done.
    expect(yields).toEqual([WITHIN_CALL, WITHIN_CALL, undefined])
    expect(next.value).toEqual(expected)
    const frames = (run: CallEngine) => run.sim.states.fetchRaw(run.sessions[0] as string)?.frames
    expect(frames(sliced)).toEqual(frames(once))
  })
})
