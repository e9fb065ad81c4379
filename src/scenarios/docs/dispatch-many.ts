import { dispatcher, gateway, labelled, session, step } from '../calls.ts'
import { CAST } from '../cast.ts'
import { castWorld, identifyOffline } from '../castWorld.ts'
import type { DocScenario } from '../types.ts'

const { 'Fanout HQ': HQ, 'Book club': CLUB } = CAST.guilds
const { alice: ALICE, bob: BOB, carol: CAROL } = CAST.users
const profile = { id: ALICE, username: 'alice', global_name: 'Alice L.' }

export default {
  id: 'dispatch-many',
  title: 'One event over two guilds',
  summary:
    'alice changed her profile; bob shares both of her guilds, carol only one. Who hears it how often?',
  order: 0,
  seed: 21,
  calls: [
    ...step(
      'Build the world',
      castWorld({
        users: ['alice', 'bob', 'carol'],
        guilds: { 'Fanout HQ': ['bob', 'carol'], 'Book club': ['bob'] },
      }),
    ),
    ...step('IDENTIFY bob and carol', [
      identifyOffline({ userId: BOB }),
      identifyOffline({ userId: CAROL }),
    ]),
  ],
  suggested: [
    labelled(
      'dispatchMany over both guilds',
      dispatcher.dispatchMany('guild', [HQ, CLUB], 'USER_UPDATE', profile),
    ),
    labelled(
      'dispatchManyFilterList over both guilds',
      dispatcher.dispatchManyFilterList('guild', [HQ, CLUB], [], 'USER_UPDATE', profile),
    ),
    labelled("Break carol's socket", gateway.failSocket(session(1), true)),
    labelled(
      'GUILD_UPDATE to Fanout HQ',
      dispatcher.dispatch('guild', HQ, 'GUILD_UPDATE', { id: HQ, name: 'Fanout HQ 2' }),
    ),
  ],
  explanation: [
    'dispatchMany is one dispatch per key and nothing more: bob is subscribed under both keys, so ' +
      'he receives the event twice. dispatchManyFilterList skips, for each later key, the sessions ' +
      'already reached (reason: filter). With carol’s socket broken, a dispatch still reaches bob: one ' +
      'failed send never stops the fan-out.',
  ],
  code: `const guilds = ['20971520', '16777216'] // alice's two guilds
const profile = { id: '10', username: 'alice', global_name: 'Alice L.' }

// [1] One dispatch per key, no de-duplication: bob is in both guilds, so he gets it twice
const results = dispatcher.dispatchMany('guild', guilds, 'USER_UPDATE', profile)
console.log(results.map((r) => r.delivered.length)) // [2, 1]

// [2] The fix: a list of sessions already reached, skipped (reason 'filter') under later keys
const reached = dispatcher.dispatchManyFilterList('guild', guilds, [], 'USER_UPDATE', profile)
console.log(reached.length) // 2: bob once, carol once

// [3] A socket that throws: recorded as 'send-failed', everyone else still receives
const carol = states.userStates('12')[0]
gateway.failSocket(carol.sessionId, true)
const r = dispatcher.dispatch('guild', '20971520', 'GUILD_UPDATE', { name: 'Fanout HQ 2' })
console.log(r.delivered.length, r.skipped) // 1 [{ sessionId: carol's, reason: 'send-failed' }]

// [4] A filter may read the engine, not change it: refused while the dispatch runs
let refused = ''
const everyone = (sessionId: string) => {
  try {
    dispatcher.unsub('guild', '20971520', sessionId)
  } catch (error) {
    if (error instanceof EngineError) refused = error.code
  }
  return true
}
dispatcher.dispatchFilter('guild', '20971520', everyone, 'GUILD_UPDATE', {})
console.log(refused) // 'REENTRANT_CALL'`,
} satisfies DocScenario
