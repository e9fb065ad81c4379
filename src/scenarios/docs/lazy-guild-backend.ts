import { actions, dispatcher, gateway, labelled, session, step } from '../calls.ts'
import { CAST } from '../cast.ts'
import { castWorld } from '../castWorld.ts'
import type { DocScenario } from '../types.ts'

const GUILD = CAST.guilds['Fanout HQ']
const GENERAL = CAST.channels.general
const { alice: ALICE, bob: BOB, carol: CAROL, dave: DAVE } = CAST.users

export default {
  id: 'lazy-guild-backend',
  title: 'Two windows onto one member list',
  summary:
    'alice watches items 0–99 of #general’s list, bob only 0–2. Who hears about which change?',
  order: 0,
  seed: 71,
  calls: [
    ...step(
      'Build the world',
      castWorld({
        users: ['alice', 'bob', 'carol', 'dave', 'erin'],
        guilds: { 'Fanout HQ': ['bob', 'carol', 'dave', 'erin'] },
        roles: { Moderators: ['bob'] },
        channels: ['general'],
      }),
    ),
    ...step('IDENTIFY alice, bob, carol and dave (erin stays offline)', [
      gateway.identify({ userId: ALICE }),
      gateway.identify({ userId: BOB }),
      gateway.identify({ userId: CAROL }),
      gateway.identify({ userId: DAVE }),
    ]),
    labelled(
      'alice opens #general: items 0–99',
      gateway.requestMemberList(session(0), GUILD, { [GENERAL]: [[0, 99]] }),
    ),
    labelled(
      'bob opens #general: items 0–2',
      gateway.requestMemberList(session(1), GUILD, { [GENERAL]: [[0, 2]] }),
    ),
  ],
  suggested: [
    labelled('dave goes idle (op 3)', gateway.updatePresence(session(3), { status: 'idle' })),
    labelled('bob sets a nickname: "aaron"', actions.setNick(GUILD, BOB, 'aaron')),
    labelled(
      'GUILD_MEMBER_LIST_UPDATE through lazy_guild',
      dispatcher.dispatch('lazy_guild', GUILD, 'GUILD_MEMBER_LIST_UPDATE', {
        id: 'everyone',
        guild_id: GUILD,
        member_count: 5,
        online_count: 4,
        groups: [],
        ops: [],
      }),
    ),
  ],
  explanation: [
    'The list reads: Moderators header, bob; online header, alice, carol, dave; offline header, erin. dave is ' +
      'item 5, inside alice’s window and outside bob’s: alice gets an UPDATE (bob is skipped, reason ' +
      'range). bob and carol, whom no list told, get a PRESENCE_UPDATE through guild instead. bob’s ' +
      'rename changes item 1, inside both windows. A raw dispatch through lazy_guild goes to every ' +
      'session holding a range.',
  ],
  code: `// [1] op 14: a session asks for a window of the list and gets a SYNC of it
gateway.requestMemberList(states.userStates('10')[0].sessionId, '20971520', { '100': [[0, 99]] })
gateway.requestMemberList(states.userStates('11')[0].sessionId, '20971520', { '100': [[0, 2]] })

// [2] A change at index 5 reaches only the windows that end at or after 5
gateway.updatePresence(states.userStates('13')[0].sessionId, { status: 'idle' })

// [3] Raw: every session holding a range in any of the guild's lists
console.log(dispatcher.subscribers('lazy_guild', '20971520').length) // 2
// dispatcher.sub('lazy_guild', …) throws USE_OP_14: ranges come only from op 14`,
} satisfies DocScenario
