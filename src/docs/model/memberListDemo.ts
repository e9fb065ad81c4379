import { actions, gateway, session, step, world } from '../../scenarios/calls.ts'
import { applyCall, createCallEngine, type EngineCall, type CallEngine } from '../../calls/index.ts'
import { applyOps, type ClientCopy, type ListItem, type ListOp } from '../../store/engineValues.ts'

/**
 * The lazy member list page's demo, on the real engine: fixture L of docs/design/litecord-notes.md
 * §6 (guild 1000, hoisted Admins and Mods, five members), two viewers holding windows of #general's
 * list, and a few changes. Each viewer's copy is kept by the engine's reference client
 * (`applyOps`), fed the ops its session was sent; nothing here decides what the ops are.
 */
export const GUILD = '1000'
export const GENERAL = '1001'
const [ADMINS, MODS, PLAIN] = ['2001', '2002', '2003']
const [ALICE, BOB, CARL, DAVE, EVE, ZOE] = ['10', '20', '30', '40', '50', '60']

/** The two sessions whose copies the demo draws, in IDENTIFY order. */
export const VIEWERS = [
  { name: 'alice', index: 0, ranges: [[0, 99]] as [number, number][] },
  { name: 'Bob', index: 1, ranges: [[4, 7]] as [number, number][] },
] as const

const setup: EngineCall[] = [
  ...step('Fixture L', [
    ...(
      [
        [ALICE, 'alice'],
        [BOB, 'Bob'],
        [CARL, 'carl'],
        [DAVE, 'dave'],
        [EVE, 'Eve'],
        [ZOE, 'zoe'],
      ] as const
    ).map(([id, username]) => world.createUser({ id, username })),
    world.createGuild({ id: GUILD, name: 'L', ownerId: ALICE }),
    world.createRole(GUILD, { id: ADMINS, name: 'Admins', position: 2, hoist: true }),
    world.createRole(GUILD, { id: MODS, name: 'Mods', position: 1, hoist: true }),
    world.createRole(GUILD, { id: PLAIN, name: 'Plain', position: 3 }),
    world.updateMember(GUILD, ALICE, { roles: [ADMINS] }),
    world.addMember(GUILD, BOB, { roles: [MODS] }),
    world.addMember(GUILD, CARL),
    world.addMember(GUILD, DAVE, { roles: [MODS] }),
    world.addMember(GUILD, EVE, { roles: [PLAIN] }),
    world.createChannel({ id: GENERAL, guildId: GUILD, name: 'general' }),
    gateway.identify({ userId: ALICE }),
    gateway.identify({ userId: BOB }),
    gateway.identify({ userId: CARL }),
    gateway.identify({ userId: EVE, presence: { status: 'idle' } }),
  ]),
]

/** A change the reader can make, as engine calls. */
export interface DemoAction {
  readonly id: string
  readonly label: string
  readonly calls: readonly EngineCall[]
}

export const DEMO_ACTIONS: readonly DemoAction[] = [
  {
    id: 'carl-dnd',
    label: 'carl: online → dnd',
    calls: [gateway.updatePresence(session(2), { status: 'dnd' })],
  },
  {
    id: 'carl-offline',
    label: 'carl goes offline',
    calls: [gateway.updatePresence(session(2), { status: 'offline' })],
  },
  {
    id: 'carl-online',
    label: 'carl comes back online',
    calls: [gateway.updatePresence(session(2), { status: 'online' })],
  },
  {
    id: 'carl-mods',
    label: 'carl gets the Mods role',
    calls: [actions.setMemberRoles(GUILD, CARL, [MODS])],
  },
  {
    id: 'zoe-joins',
    label: 'zoe joins and comes online',
    calls: [
      { target: 'actions', method: 'joinGuild', args: [GUILD, ZOE] },
      gateway.identify({ userId: ZOE }),
    ],
  },
  {
    id: 'bob-moves',
    label: 'Bob scrolls: asks for 0–3 instead',
    calls: [gateway.requestMemberList(session(1), GUILD, { [GENERAL]: [[0, 3]] })],
  },
]

/** What one viewer was sent by one change, and its copy after applying it. */
export interface ViewerUpdate {
  readonly ops: readonly ListOp[]
  readonly copy: ClientCopy
  /** The viewer's ranges after the change. */
  readonly ranges: readonly (readonly [number, number])[]
}

/** The demo's engine and the two copies; `run` applies an action and reports what each viewer got. */
export interface MemberListDemo {
  /** The copies and ranges as they are now. */
  state(): ViewerUpdate[]
  run(action: DemoAction): ViewerUpdate[]
}

export function createMemberListDemo(): MemberListDemo {
  const engine: CallEngine = createCallEngine(1)
  for (const call of setup) applyCall(engine, call)
  const ranges = VIEWERS.map((v) => v.ranges.map((r) => [...r] as [number, number]))
  const copies: ClientCopy[] = VIEWERS.map(() => [])
  const seen = VIEWERS.map(() => 0)
  const drain = (): ListOp[][] =>
    VIEWERS.map((v, i) => {
      const frames = engine.sim.states.fetchRaw(engine.sessions[v.index] ?? '')?.frames ?? []
      const fresh = frames.slice(seen[i])
      seen[i] = frames.length
      const ops = fresh
        .filter((f) => f.t === 'GUILD_MEMBER_LIST_UPDATE')
        .flatMap((f) => (f.d as { ops: ListOp[] }).ops)
      applyOps(copies[i] as ClientCopy, ops)
      return ops
    })
  const report = (ops: ListOp[][]): ViewerUpdate[] =>
    VIEWERS.map((_, i) => ({
      ops: ops[i] ?? [],
      copy: [...(copies[i] as ClientCopy)],
      ranges: ranges[i] ?? [],
    }))
  drain()
  VIEWERS.forEach((v) =>
    applyCall(engine, gateway.requestMemberList(session(v.index), GUILD, { [GENERAL]: v.ranges })),
  )
  const initial = report(drain())
  let first: ViewerUpdate[] | null = initial
  return {
    state: () => first ?? report(VIEWERS.map(() => [])),
    run(action) {
      first = null
      for (const call of action.calls) applyCall(engine, call)
      if (action.id === 'bob-moves') ranges[1] = [[0, 3]]
      return report(drain())
    },
  }
}

/** A short label for a list item: `Mods (2)` for a header, the display name and status for a member. */
export function itemLabel(
  item: ListItem | undefined,
  roleNames: Readonly<Record<string, string>> = ROLE_NAMES,
): string {
  if (item === undefined) return ''
  if ('group' in item) return `${roleNames[item.group.id] ?? item.group.id} (${item.group.count})`
  const m = item.member as {
    nick?: string | null
    user: { username: string }
    presence?: { status?: string }
  }
  return `${m.nick ?? m.user.username} · ${m.presence?.status ?? 'offline'}`
}

export const ROLE_NAMES: Readonly<Record<string, string>> = {
  [ADMINS]: 'Admins',
  [MODS]: 'Mods',
  online: 'online',
  offline: 'offline',
}
