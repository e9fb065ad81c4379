import { createSimulation, type SimulationOptions } from '../simulation.ts'
import { Permissions } from '../world/permissions.ts'

export const L = {
  guild: '1000',
  admins: '2001',
  mods: '2002',
  plain: '2003',
  general: '1001',
  modsOnly: '1002',
  alice: '10',
  bob: '20',
  carl: '30',
  dave: '40',
  eve: '50',
} as const

/**
 * Fixture L's list as everyone first sees it (docs/design/litecord-notes.md §6, example 9), one
 * label per item: `H<group id>` for a header, the display name for a member.
 */
export const L_LIST = [
  `H${L.admins}`,
  'alice',
  `H${L.mods}`,
  'Bob',
  'Honline',
  'carl',
  'Eve',
  'Hoffline',
  'dave',
] as const

/**
 * Fixture L of docs/design/litecord-notes.md §6: guild 1000 (owner alice); roles Admins 2001
 * (position 2, hoisted, ADMINISTRATOR), Mods 2002 (position 1, hoisted), Plain 2003 (position 3,
 * not hoisted); members alice (Admins, online), Bob (Mods, online), carl (online), dave (Mods,
 * offline), Eve (Plain, idle); channel 1001 public, 1002 hidden from @everyone and shown to Mods. V
 * is alice's session.
 */
export function fixtureL(options: SimulationOptions = {}) {
  const sim = createSimulation(options)
  const { world, gateway } = sim
  const names: [string, string][] = [
    [L.alice, 'alice'],
    [L.bob, 'Bob'],
    [L.carl, 'carl'],
    [L.dave, 'dave'],
    [L.eve, 'Eve'],
  ]
  for (const [id, username] of names) world.createUser({ id, username })
  world.createGuild({ id: L.guild, name: 'L', ownerId: L.alice })
  world.createRole(L.guild, {
    id: L.admins,
    name: 'Admins',
    position: 2,
    hoist: true,
    permissions: Permissions.ADMINISTRATOR,
  })
  world.createRole(L.guild, { id: L.mods, name: 'Mods', position: 1, hoist: true })
  world.createRole(L.guild, { id: L.plain, name: 'Plain', position: 3 })
  world.addMember(L.guild, L.bob, { roles: [L.mods] })
  world.addMember(L.guild, L.carl)
  world.addMember(L.guild, L.dave, { roles: [L.mods] })
  world.addMember(L.guild, L.eve, { roles: [L.plain] })
  world.updateMember(L.guild, L.alice, { roles: [L.admins] })
  world.createChannel({ id: L.general, guildId: L.guild, name: 'general' })
  world.createChannel({
    id: L.modsOnly,
    guildId: L.guild,
    name: 'mods',
    overwrites: [
      { id: L.guild, type: 0, deny: Permissions.VIEW_CHANNEL },
      { id: L.mods, type: 0, allow: Permissions.VIEW_CHANNEL },
    ],
  })
  const V = gateway.identify({ userId: L.alice })
  const B = gateway.identify({ userId: L.bob })
  const C = gateway.identify({ userId: L.carl })
  const E = gateway.identify({ userId: L.eve, presence: { status: 'idle' } })
  return { sim, V, B, C, E }
}
