import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EngineError } from '../errors.ts'
import { createWorld, type WorldInternal } from './createWorld.ts'
import { Permissions } from './permissions.ts'
import { testWorld } from './testWorld.ts'

const { VIEW_CHANNEL, SEND_MESSAGES, ADMINISTRATOR, ALL } = Permissions
const hide = [{ id: '1000', type: 0 as const, deny: VIEW_CHANNEL }]

/** testWorld plus #secret 101, hidden from @everyone, and a Mods role 2001 that may see it. */
function secretWorld() {
  const t = testWorld()
  t.world.createRole('1000', { id: '2001', name: 'mods' })
  t.world.createChannel({
    id: '101',
    guildId: '1000',
    overwrites: [...hide, { id: '2001', type: 0, allow: VIEW_CHANNEL }],
  })
  return t
}

describe('canView and permissions', () => {
  it('lets members read a public channel and the owner read everything', () => {
    const { world } = secretWorld()
    expect(world.canView('20', '100')).toBe(true)
    expect(world.canView('20', '101')).toBe(false)
    expect(world.canView('10', '101')).toBe(true)
    expect(world.permissions('10', '101')).toBe(ALL)
  })

  it('answers false for non-members, unknown ids and malformed ids', () => {
    const { world } = secretWorld()
    expect(world.canView('40', '100')).toBe(false)
    expect(world.canView('99', '100')).toBe(false)
    expect(world.canView('20', '999')).toBe(false)
    expect(world.canView('020', '100')).toBe(false)
    expect(world.canView(-1, '100')).toBe(false)
    expect(world.permissions('40', '100')).toBe(0n)
  })

  it('accepts bigint and number ids', () => {
    const { world } = secretWorld()
    expect(world.canView(20n, 100)).toBe(true)
  })

  it('lets DM and group-DM recipients, and only them, view the channel', () => {
    const { world } = secretWorld()
    const dm = world.createChannel({ type: 1, recipients: ['20', '40'] })
    expect(world.canView('40', dm.id)).toBe(true)
    expect(world.canView('10', dm.id)).toBe(false)
    expect(world.permissions('20', dm.id) & SEND_MESSAGES).toBe(SEND_MESSAGES)
    expect(world.permissions('10', dm.id)).toBe(0n)
  })

  it('computes guild-level permissions from @everyone and the member roles', () => {
    const { world } = secretWorld()
    world.updateRole('1000', '2001', { permissions: Permissions.KICK_MEMBERS })
    world.setMemberRoles('1000', '20', ['2001'])
    expect(world.guildPermissions('20', '1000')).toBe(104324673n | Permissions.KICK_MEMBERS)
    expect(world.guildPermissions('40', '1000')).toBe(0n)
  })

  it('tells whether a role, or @everyone, can view a channel', () => {
    const { world } = secretWorld()
    world.createRole('1000', { id: '2002', name: 'plain' })
    expect(world.roleCanView('2001', '101')).toBe(true)
    expect(world.roleCanView('2002', '101')).toBe(false)
    expect(world.roleCanView('1000', '100')).toBe(true)
    expect(world.everyoneCanView('100')).toBe(true)
    expect(world.everyoneCanView('101')).toBe(false)
    expect(world.everyoneCanView('999')).toBe(false)
  })
})

describe('canView cache invalidation', () => {
  /** Asks first, so the answer is cached, then checks that `change` makes the answer flip. */
  function flips(world: WorldInternal, user: string, channel: string, change: () => void) {
    const before = world.canView(user, channel)
    change()
    expect(world.canView(user, channel)).toBe(!before)
  }

  it('follows member role changes', () => {
    const { world } = secretWorld()
    flips(world, '20', '101', () => world.setMemberRoles('1000', '20', ['2001']))
    flips(world, '20', '101', () => world.updateMember('1000', '20', { roles: [] }))
  })

  it('follows role permission changes, both on a role and on @everyone', () => {
    const { world } = secretWorld()
    world.setMemberRoles('1000', '30', ['2001'])
    flips(world, '20', '100', () =>
      world.updateRole('1000', '1000', { permissions: SEND_MESSAGES }),
    )
    flips(world, '30', '100', () => world.updateRole('1000', '2001', { permissions: VIEW_CHANNEL }))
    world.updateChannel('101', { overwrites: [...hide, { id: '30', type: 1, deny: VIEW_CHANNEL }] })
    flips(world, '30', '101', () =>
      world.updateRole('1000', '2001', { permissions: ADMINISTRATOR }),
    )
  })

  it('follows role deletion', () => {
    const { world } = secretWorld()
    world.setMemberRoles('1000', '20', ['2001'])
    flips(world, '20', '101', () => world.deleteRole('1000', '2001'))
  })

  it('follows overwrite changes', () => {
    const { world } = secretWorld()
    flips(world, '20', '100', () => world.updateChannel('100', { overwrites: hide }))
    flips(world, '20', '100', () =>
      world.updateChannel('100', {
        overwrites: [...hide, { id: '20', type: 1, allow: VIEW_CHANNEL }],
      }),
    )
  })

  it('follows joins and leaves', () => {
    const { world } = secretWorld()
    flips(world, '40', '100', () => world.addMember('1000', '40'))
    flips(world, '40', '100', () => world.removeMember('1000', '40'))
    flips(world, '40', '101', () => world.addMember('1000', '40', { roles: ['2001'] }))
  })

  it('follows channel deletion and a new channel reusing the id', () => {
    const { world } = secretWorld()
    flips(world, '20', '100', () => world.deleteChannel('100'))
    flips(world, '20', '100', () => world.createChannel({ id: '100', guildId: '1000' }))
    flips(world, '20', '100', () => {
      world.deleteChannel('100')
      world.createChannel({ id: '100', guildId: '1000', overwrites: hide })
    })
  })

  it('follows a user who is created and joins after being asked about', () => {
    const { world } = secretWorld()
    expect(world.canView('77', '100')).toBe(false)
    world.createUser({ id: '77', username: 'late' })
    flips(world, '77', '100', () => world.addMember('1000', '77'))
  })

  it('is cleared by restore', () => {
    const { world } = secretWorld()
    const snapshot = world.snapshot()
    flips(world, '20', '101', () => world.setMemberRoles('1000', '20', ['2001']))
    flips(world, '20', '101', () => world.restore(snapshot))
  })

  it('always agrees with a fresh world, whatever the history', () => {
    const users = ['10', '20', '30', '40']
    const roles = ['2001', '2002']
    const channels = ['100', '101']
    const perms = fc.constantFrom(0n, VIEW_CHANNEL, SEND_MESSAGES, ADMINISTRATOR)
    const op = fc.oneof(
      fc.tuple(fc.constant('roles' as const), fc.constantFrom(...users), fc.subarray(roles)),
      fc.tuple(fc.constant('perm' as const), fc.constantFrom('1000', ...roles), perms),
      fc.tuple(fc.constant('join' as const), fc.constantFrom(...users), fc.boolean()),
      fc.tuple(fc.constant('deleteRole' as const), fc.constantFrom(...roles)),
      fc.tuple(fc.constant('createRole' as const), fc.constantFrom(...roles), perms),
      fc.tuple(
        fc.constant('overwrite' as const),
        fc.constantFrom(...channels),
        fc.constantFrom('1000', ...roles, ...users),
        perms,
        perms,
      ),
      fc.tuple(fc.constant('recreate' as const), fc.constantFrom(...channels)),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const { world } = secretWorld()
        world.createRole('1000', { id: '2002', name: 'other' })
        // Asking everything after every op keeps every answer cached, so a missed invalidation
        // shows.
        const check = () => {
          const fresh = createWorld({ nextId: () => '1', now: () => 0 }, world.snapshot())
          for (const u of users) {
            for (const c of channels) expect(world.canView(u, c)).toBe(fresh.canView(u, c))
          }
        }
        check()
        for (const o of ops) {
          try {
            apply(world, o)
          } catch (e) {
            // Random ops may be refused (a role already deleted...); a refusal changes nothing.
            if (!(e instanceof EngineError)) throw e
          }
          check()
        }
      }),
    )
  }, 60_000)
})

type Op =
  | readonly ['roles', string, string[]]
  | readonly ['perm', string, bigint]
  | readonly ['join', string, boolean]
  | readonly ['deleteRole', string]
  | readonly ['createRole', string, bigint]
  | readonly ['overwrite', string, string, bigint, bigint]
  | readonly ['recreate', string]

function apply(world: WorldInternal, op: Op): void {
  switch (op[0]) {
    case 'roles':
      world.setMemberRoles('1000', op[1], op[2])
      return
    case 'perm':
      world.updateRole('1000', op[1], { permissions: op[2] })
      return
    case 'join':
      if (op[2]) world.addMember('1000', op[1])
      else world.removeMember('1000', op[1])
      return
    case 'deleteRole':
      world.deleteRole('1000', op[1])
      return
    case 'createRole':
      world.createRole('1000', { id: op[1], name: 'r', permissions: op[2] })
      return
    case 'overwrite': {
      const type = Number(op[2]) < 1000 ? 1 : 0
      world.updateChannel(op[1], { overwrites: [{ id: op[2], type, allow: op[3], deny: op[4] }] })
      return
    }
    case 'recreate':
      world.deleteChannel(op[1])
      world.createChannel({ id: op[1], guildId: '1000', overwrites: hide })
  }
}
