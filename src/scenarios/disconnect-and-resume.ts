import { clock, dispatcher, gateway, labelled, lastSeq, session, step, world } from './calls.ts'
import type { Scenario } from './types.ts'

const GUILD = '20971520'
const GENERAL = '1001'
const [ALICE, BOB, CAROL] = ['10', '11', '12']
const message = (id: string, content: string) =>
  dispatcher.dispatch('channel', GENERAL, 'MESSAGE_CREATE', {
    id,
    channel_id: GENERAL,
    guild_id: GUILD,
    author: { id: ALICE },
    content,
  })

export default {
  id: 'disconnect-and-resume',
  title: 'Disconnect and resume',
  summary: 'A dropped session buffers its events; RESUME replays them, the window closing ends it.',
  order: 7,
  seed: 7,
  calls: [
    ...step('Build the world: alice, bob and carol in one guild', [
      world.createUser({ id: ALICE, username: 'alice' }),
      world.createUser({ id: BOB, username: 'bob' }),
      world.createUser({ id: CAROL, username: 'carol' }),
      world.createGuild({ id: GUILD, name: 'Fanout HQ', ownerId: ALICE }),
      world.addMember(GUILD, BOB),
      world.addMember(GUILD, CAROL),
      world.createChannel({ id: GENERAL, guildId: GUILD, name: 'general' }),
    ]),
    ...step(
      'IDENTIFY alice, bob and carol (offline)',
      [ALICE, BOB, CAROL].map((userId) =>
        gateway.identify({ userId, presence: { status: 'offline' } }),
      ),
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
