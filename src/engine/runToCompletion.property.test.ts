import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { API_CATALOGUE, methodsOf, PART_NAMES, type PartName } from './apiCatalogue.ts'
import { EngineError } from './errors.ts'
import { requestMemberListInSteps, type Simulation } from './simulation.ts'
import {
  command,
  GUILDS,
  runCommand,
  startHistory,
  USERS,
  type Command,
  type FilterFactory,
} from './testing/histories.ts'
import { Permissions } from './world/permissions.ts'

/**
 * docs/design/semantics.md §10, run to completion (turn 3), as a fuzz test: a listener and a filter
 * try random changes at random points of random histories. Every attempt must be refused with
 * REENTRANT_CALL, and the run must give exactly what the same history gives without them: the same
 * answers, the same inspection events in the same order, the same simulation at the end.
 */

/** What an attempt may name: things that exist, so that outside a call most attempts would succeed. */
interface Targets {
  readonly session: string
  readonly user: string
  readonly other: string
  readonly guild: string
  readonly channel: string
}

type Attempt = (sim: Simulation, t: Targets) => unknown

/** Arguments for every method the catalogue marks `change`, by `part.method`. */
const CHANGE_ARGS: Record<string, (t: Targets) => unknown[]> = {
  'world.createUser': () => [{ username: 'meddler' }],
  'world.createGuild': (t) => [{ name: 'meddled', ownerId: t.user }],
  'world.createRole': (t) => [t.guild, { name: 'meddled', hoist: true }],
  'world.createChannel': (t) => [{ guildId: t.guild, name: 'meddled' }],
  'world.addMember': (t) => [t.guild, t.other],
  'world.updateMember': (t) => [t.guild, t.user, { nick: 'meddled' }],
  'world.addFriendship': (t) => [t.user, t.other],
  'dispatcher.dispatch': (t) => ['guild', t.guild, 'MEDDLED', {}],
  'dispatcher.dispatchMany': (t) => ['guild', [t.guild], 'MEDDLED', {}],
  'dispatcher.dispatchFilter': (t) => ['guild', t.guild, () => true, 'MEDDLED', {}],
  'dispatcher.dispatchManyFilterList': (t) => ['guild', [t.guild], [], 'MEDDLED', {}],
  'dispatcher.sub': (t) => ['guild', t.guild, t.session],
  'dispatcher.unsub': (t) => ['guild', t.guild, t.session],
  'dispatcher.subMany': (t) => ['guild', t.guild, [t.session]],
  'gateway.identify': (t) => [{ userId: t.user }],
  'gateway.disconnect': (t) => [t.session],
  'gateway.invalidate': (t) => [t.session],
  'gateway.resume': (t) => [t.session, 0],
  'gateway.requestMemberList': (t) => [t.session, t.guild, { [t.channel]: [[0, 9]] }],
  'gateway.updatePresence': (t) => [t.session, { status: 'dnd' }],
  'gateway.failSocket': (t) => [t.session, true],
  'actions.sendMessage': (t) => [t.channel, t.user, 'meddled'],
  'actions.editMessage': (t) => [t.channel, '1', 'meddled'],
  'actions.deleteMessage': (t) => [t.channel, '1'],
  'actions.startTyping': (t) => [t.channel, t.user],
  'actions.joinGuild': (t) => [t.guild, t.other],
  'actions.leaveGuild': (t) => [t.guild, t.other],
  'actions.createChannel': (t) => [{ guildId: t.guild, name: 'meddled' }],
  'actions.updateChannel': (t) => [t.channel, { name: 'meddled' }],
  'actions.deleteChannel': (t) => [t.channel],
  'actions.createRole': (t) => [
    t.guild,
    { name: 'meddled', permissions: Permissions.VIEW_CHANNEL },
  ],
  'actions.updateRole': (t) => [t.guild, t.guild, { permissions: '0' }],
  'actions.deleteRole': (t) => [t.guild, '300'],
  'actions.setMemberRoles': (t) => [t.guild, t.other, []],
  'actions.setNick': (t) => [t.guild, t.user, 'meddled'],
  'actions.addFriend': (t) => [t.user, t.other],
  'actions.removeFriend': (t) => [t.user, t.other],
  'actions.openDm': (t) => [t.user, t.other],
  'actions.createGroupDm': (t) => [t.user, [t.other]],
  'actions.updateUser': (t) => [t.user, { username: 'meddled' }],
  'clock.advance': () => [61_000],
}

/** Every change the public API offers: the catalogue's `change` methods, a snapshot, a job's step. */
const ATTEMPTS: [string, Attempt][] = [
  ...PART_NAMES.flatMap((part: PartName) =>
    methodsOf(part, 'change').map((method): [string, Attempt] => {
      const name = `${part}.${method}`
      return [
        name,
        (sim, t) => {
          const args = (CHANGE_ARGS[name] as (t: Targets) => unknown[])(t)
          const fn = (sim[part] as unknown as Record<string, (...a: unknown[]) => unknown>)[method]
          return fn?.(...args)
        },
      ]
    }),
  ),
  ['sim.snapshot', (sim) => sim.snapshot()],
  [
    'requestMemberListInSteps',
    (sim, t) => requestMemberListInSteps(sim, t.session, t.guild, { [t.channel]: [[0, 9]] }).next(),
  ],
]

/** A small seeded generator: which attempts, when (the test's own randomness, not the engine's). */
function chooser(seed: number) {
  let state = seed >>> 0 || 1
  return (n: number) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return state % n
  }
}

/** Tries changes from inside a call; counts what it tried and anything that was not refused. */
function meddler(sim: Simulation, seed: number) {
  const pick = chooser(seed)
  const stats = { attempts: 0, refused: 0, reads: 0, escaped: [] as string[] }
  const targets = (): Targets => {
    const open = sim.states.all()
    return {
      session: open.length > 0 ? open[pick(open.length)]!.sessionId : 'none',
      user: USERS[pick(USERS.length)]!,
      other: USERS[pick(USERS.length)]!,
      guild: GUILDS[pick(GUILDS.length)]!,
      channel: ['100', '101', '200'][pick(3)]!,
    }
  }
  const meddle = () => {
    // A read first: reading is allowed at any point.
    stats.reads += sim.states.count() + sim.dispatcher.topics('guild').length
    for (let k = pick(3); k > 0; k--) {
      const [name, attempt] = ATTEMPTS[pick(ATTEMPTS.length)]!
      stats.attempts++
      try {
        attempt(sim, targets())
        stats.escaped.push(`${name} was not refused`)
      } catch (error) {
        if (error instanceof EngineError && error.code === 'REENTRANT_CALL') stats.refused++
        else stats.escaped.push(`${name}: ${String(error)}`)
      }
    }
  }
  const filter: FilterFactory = (decide) => (sessionId) => {
    if (pick(2) === 0) meddle()
    return decide(sessionId)
  }
  return { stats, filter, listener: () => (pick(3) === 0 ? meddle() : undefined) }
}

/** Runs `commands` on a new history, recording every answer and inspection event, and the end. */
function record(
  commands: readonly Command[],
  meddle?: (sim: Simulation) => FilterFactory,
): { answers: string[]; events: string[]; end: string; listenerErrors: unknown[] } {
  const listenerErrors: unknown[] = []
  const { sim, state } = startHistory(1, (error) => listenerErrors.push(error))
  const events: string[] = []
  sim.inspect((event) => events.push(JSON.stringify(event)))
  const filter = meddle?.(sim)
  const answers = commands.map((c) => runCommand(sim, state, c, filter))
  return { answers, events, end: JSON.stringify(sim.snapshot()), listenerErrors }
}

describe('run to completion over random histories', () => {
  it('lists an attempt for every changing method of the catalogue', () => {
    const catalogued = PART_NAMES.flatMap((part) =>
      Object.entries(API_CATALOGUE[part])
        .filter(([, entry]) => entry.kind === 'change')
        .map(([method]) => `${part}.${method}`),
    )
    expect(Object.keys(CHANGE_ARGS).sort()).toEqual(catalogued.sort())
  })

  // A fuzz test: a few seconds of fast-check, more on a loaded machine.
  it(
    'refuses every change a listener or filter tries, and gives what the history gives without them',
    { timeout: 60_000 },
    () => {
      let attempts = 0
      fc.assert(
        fc.property(
          fc.array(command, { maxLength: 40, size: 'max' }),
          fc.integer(),
          (commands, seed) => {
            const plain = record(commands)
            let m: ReturnType<typeof meddler> | undefined
            const meddled = record(commands, (sim) => {
              m = meddler(sim, seed)
              sim.inspect(m.listener)
              return m.filter
            })
            if (!m) throw new Error('the meddler was not set up')
            expect(meddled.listenerErrors).toEqual([])
            expect(m.stats.escaped).toEqual([])
            expect(m.stats.refused).toBe(m.stats.attempts)
            expect(meddled.answers).toEqual(plain.answers)
            expect(meddled.events).toEqual(plain.events)
            expect(meddled.end).toBe(plain.end)
            attempts += m.stats.attempts
          },
        ),
        { numRuns: 200 },
      )
      expect(attempts).toBeGreaterThan(1_000)
    },
  )
})
