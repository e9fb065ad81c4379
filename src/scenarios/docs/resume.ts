import { clock, gateway, labelled, lastSeq, session, step } from '../calls.ts'
import { CAST } from '../cast.ts'
import { castWorld, identifyOffline, messageCreate } from '../castWorld.ts'
import type { DocScenario } from '../types.ts'

const GUILD = CAST.guilds['Fanout HQ']
const GENERAL = CAST.channels.general
const { alice: ALICE, bob: BOB } = CAST.users
const message = (id: string, content: string) =>
  messageCreate({ id, channel: GENERAL, guild: GUILD, content })

export default {
  id: 'resume',
  title: 'bob drops, misses two messages, and comes back',
  summary:
    'bob’s socket has dropped; alice keeps talking. Resume him, or let the 60-second window run out.',
  order: 0,
  seed: 81,
  calls: [
    ...step(
      'Build the world',
      castWorld({
        users: ['alice', 'bob'],
        guilds: { 'Fanout HQ': ['bob'] },
        channels: ['general'],
      }),
    ),
    ...step('IDENTIFY alice and bob', [
      identifyOffline({ userId: ALICE }),
      identifyOffline({ userId: BOB }),
    ]),
    labelled('bob’s socket drops', gateway.disconnect(session(1))),
    labelled('alice: “are you there?” (bob: buffered)', message('5001', 'are you there?')),
  ],
  suggested: [
    labelled('alice: “hello?”', message('5002', 'hello?')),
    labelled('bob RESUMEs with the last s he saw', gateway.resume(session(1), lastSeq(1))),
    labelled('bob’s socket drops again', gateway.disconnect(session(1))),
    labelled('60 seconds pass', clock.advance(60_000)),
    labelled('bob tries to RESUME now', gateway.resume(session(1), lastSeq(1))),
  ],
  explanation: [
    'While bob is disconnected he stays subscribed: each message is numbered for him and kept in his ' +
      'buffer (buffered). RESUME replays every frame after his last s, in order, then RESUMED. Left ' +
      'disconnected for the whole window, his session closes; a RESUME then gets INVALID_SESSION.',
  ],
  code: `const bob = states.userStates('11')[0]
const seen = 2 // the last s bob's client received: READY 1, GUILD_CREATE 2

// [1] Disconnected: still subscribed, so this is numbered for him and buffered
const r = dispatcher.dispatch('channel', '100', 'MESSAGE_CREATE', {
  id: '5002', channel_id: '100', guild_id: '20971520', author: { id: '10' }, content: 'hello?',
})
console.log(r.buffered) // [bob's session id]

// [2] RESUME: every frame with s > seen, in order, then RESUMED
const res = gateway.resume(bob.sessionId, seen)
if (res.resumed) console.log(res.replayed.map((f) => [f.s, f.t])) // [[3, 'MESSAGE_CREATE'], [4, …]]

// [3] Too late: the window closes the session
gateway.disconnect(bob.sessionId)
sim.clock.advance(60_000)
console.log(gateway.resume(bob.sessionId, bob.seq)) // { resumed: false, reason: 'closed' }`,
} satisfies DocScenario
