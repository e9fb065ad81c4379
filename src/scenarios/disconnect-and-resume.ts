import { clock, gateway, labelled, lastSeq, session, step } from './calls.ts'
import { CAST } from './cast.ts'
import { castWorld, identifyOffline, messageCreate } from './castWorld.ts'
import type { Scenario } from './types.ts'

const GUILD = CAST.guilds['Fanout HQ']
const GENERAL = '1001'
const { alice: ALICE, bob: BOB, carol: CAROL } = CAST.users
const message = (id: string, content: string) =>
  messageCreate({ id, channel: GENERAL, guild: GUILD, content })

export default {
  id: 'disconnect-and-resume',
  title: 'Disconnect and resume',
  summary: 'A dropped session buffers its events; RESUME replays them, the window closing ends it.',
  order: 7,
  seed: 7,
  calls: [
    ...step(
      'Build the world: alice, bob and carol in one guild',
      castWorld({
        users: ['alice', 'bob', 'carol'],
        guilds: { 'Fanout HQ': ['bob', 'carol'] },
        channels: ['general'],
        channelIds: { general: GENERAL },
      }),
    ),
    ...step(
      'IDENTIFY alice, bob and carol (offline)',
      [ALICE, BOB, CAROL].map((userId) => identifyOffline({ userId })),
    ),
    labelled('bob’s socket drops', gateway.disconnect(session(1))),
    labelled('MESSAGE_CREATE “are you there?” (bob: buffered)', message('5001', 'are you there?')),
    labelled('MESSAGE_CREATE “hello?” (bob: buffered)', message('5002', 'hello?')),
  ],
  suggested: [
    labelled('bob RESUMEs from his last seen seq', gateway.resume(session(1), lastSeq(1))),
    labelled('carol’s socket drops', gateway.disconnect(session(2))),
    labelled('Advance the clock 60 s (resume window)', clock.advance(60_000)),
    labelled('MESSAGE_CREATE “welcome back”', message('5003', 'welcome back')),
  ],
  explanation: [
    'bob is disconnected: he is still subscribed, so the two messages were dispatched to him, but held in ' +
      'his resume buffer (shown as buffered) instead of sent.',
    'RESUME with the last seq bob saw: the engine replays every frame after it, in order and with its ' +
      'original s, then RESUMED. Open bob’s session to see the replayed frames. A session left ' +
      'disconnected for the 60 s resume window is closed and leaves every list.',
  ],
} satisfies Scenario
