import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  computeBasePermissions,
  computeOverwrites,
  computePermissions,
  DEFAULT_EVERYONE_PERMISSIONS,
  everyoneCanView,
  hasPermission,
  Permissions,
  roleCanView,
  type PermissionSubject,
} from './permissions.ts'
import type { Channel, PermissionOverwrite, Role } from './types.ts'

const { VIEW_CHANNEL, SEND_MESSAGES, ADMINISTRATOR, KICK_MEMBERS, ALL } = Permissions
const GUILD = '1000'
const USER = '20'

function role(id: string, permissions: bigint): Role {
  return {
    id,
    guild_id: GUILD,
    name: id,
    position: 1,
    hoist: false,
    permissions: String(permissions),
  }
}

function subject(
  everyone: bigint,
  roles: Role[] = [],
  userId: string | null = USER,
): PermissionSubject {
  return {
    guildId: GUILD,
    ownerId: '10',
    userId,
    everyone: { permissions: String(everyone) },
    roles,
  }
}

function ow(id: string, type: 0 | 1, allow = 0n, deny = 0n): PermissionOverwrite {
  return { id, type, allow: String(allow), deny: String(deny) }
}

function channel(...overwrites: PermissionOverwrite[]): Channel {
  return {
    id: '100',
    type: 0,
    guild_id: GUILD,
    name: 'c',
    position: 0,
    permission_overwrites: overwrites,
    recipients: [],
    owner_id: null,
  }
}

describe('Permissions', () => {
  it("uses Discord's bit values", () => {
    expect(Permissions.CREATE_INSTANT_INVITE).toBe(1n)
    expect(ADMINISTRATOR).toBe(8n)
    expect(VIEW_CHANNEL).toBe(1024n)
    expect(SEND_MESSAGES).toBe(2048n)
    expect(Permissions.MANAGE_ROLES).toBe(268435456n)
    expect(Permissions.USE_APPLICATION_COMMANDS).toBe(2147483648n)
    expect(Permissions.SEND_VOICE_MESSAGES).toBe(1n << 46n)
    expect(Permissions.SEND_POLLS).toBe(1n << 49n)
  })

  it('gives every documented bit from 0 to 46 exactly one name', () => {
    const bits = Object.entries(Permissions)
      .filter(([name]) => name !== 'ALL')
      .map(([, bit]) => bit)
    expect(new Set(bits).size).toBe(bits.length)
    for (let i = 0n; i <= 46n; i++) expect(bits).toContain(1n << i)
  })

  it('makes ALL the union of every bit and nothing else', () => {
    const union = Object.entries(Permissions)
      .filter(([name]) => name !== 'ALL')
      .reduce((all, [, bit]) => all | bit, 0n)
    expect(ALL).toBe(union)
    expect(hasPermission(ALL, 1n << 47n)).toBe(false)
  })

  it("gives @everyone Discord's default 104324673, which can read and write", () => {
    const bits = BigInt(DEFAULT_EVERYONE_PERMISSIONS)
    expect(bits).toBe(104324673n)
    for (const flag of [VIEW_CHANNEL, SEND_MESSAGES, Permissions.READ_MESSAGE_HISTORY]) {
      expect(hasPermission(bits, flag)).toBe(true)
    }
    expect(hasPermission(bits, ADMINISTRATOR)).toBe(false)
    expect(hasPermission(bits, Permissions.MANAGE_MESSAGES)).toBe(false)
  })
})

describe('computeBasePermissions', () => {
  it("is @everyone's permissions OR every role's", () => {
    const s = subject(VIEW_CHANNEL, [role('1', SEND_MESSAGES), role('2', KICK_MEMBERS)])
    expect(computeBasePermissions(s)).toBe(VIEW_CHANNEL | SEND_MESSAGES | KICK_MEMBERS)
  })

  it('gives the guild owner everything, whatever the roles', () => {
    expect(computeBasePermissions({ ...subject(0n), userId: '10' })).toBe(ALL)
  })

  it('gives ADMINISTRATOR holders everything, from a role or from @everyone', () => {
    expect(computeBasePermissions(subject(0n, [role('1', ADMINISTRATOR)]))).toBe(ALL)
    expect(computeBasePermissions(subject(ADMINISTRATOR))).toBe(ALL)
  })

  it('never treats a hypothetical member (userId null) as the owner', () => {
    expect(computeBasePermissions({ ...subject(0n), userId: null, ownerId: '' })).toBe(0n)
  })
})

describe('computeOverwrites', () => {
  const base = VIEW_CHANNEL | SEND_MESSAGES
  const mods = role('2002', 0n)
  const plain = role('2003', 0n)

  it('applies the @everyone overwrite (id = guild id): deny, then allow', () => {
    const c = channel(ow(GUILD, 0, KICK_MEMBERS, VIEW_CHANNEL))
    expect(computeOverwrites(base, subject(base), c)).toBe(SEND_MESSAGES | KICK_MEMBERS)
  })

  it("lets a role overwrite's allow win over the @everyone overwrite's deny", () => {
    const c = channel(ow(GUILD, 0, 0n, VIEW_CHANNEL), ow(mods.id, 0, VIEW_CHANNEL))
    expect(hasPermission(computeOverwrites(base, subject(base, [mods]), c), VIEW_CHANNEL)).toBe(
      true,
    )
    expect(hasPermission(computeOverwrites(base, subject(base, [plain]), c), VIEW_CHANNEL)).toBe(
      false,
    )
  })

  it('unites role overwrites so that one role allowing beats another denying', () => {
    const c = channel(ow(mods.id, 0, 0n, SEND_MESSAGES), ow(plain.id, 0, SEND_MESSAGES))
    const both = subject(base, [mods, plain])
    expect(hasPermission(computeOverwrites(base, both, c), SEND_MESSAGES)).toBe(true)
    expect(hasPermission(computeOverwrites(base, subject(base, [mods]), c), SEND_MESSAGES)).toBe(
      false,
    )
  })

  it('applies the member overwrite last: deny beats a role allow, allow beats a role deny', () => {
    const denied = channel(ow(mods.id, 0, VIEW_CHANNEL), ow(USER, 1, 0n, VIEW_CHANNEL))
    expect(computeOverwrites(base, subject(base, [mods]), denied) & VIEW_CHANNEL).toBe(0n)
    const allowed = channel(ow(mods.id, 0, 0n, VIEW_CHANNEL), ow(USER, 1, VIEW_CHANNEL))
    expect(computeOverwrites(base, subject(base, [mods]), allowed) & VIEW_CHANNEL).toBe(
      VIEW_CHANNEL,
    )
  })

  it('ignores overwrites of roles the member does not hold and of other members', () => {
    const c = channel(ow(plain.id, 0, 0n, VIEW_CHANNEL), ow('30', 1, 0n, VIEW_CHANNEL))
    expect(computeOverwrites(base, subject(base, [mods]), c)).toBe(base)
  })

  it('does not mistake a member overwrite for the @everyone one when ids coincide', () => {
    const c = channel(ow(GUILD, 1, 0n, VIEW_CHANNEL))
    expect(computeOverwrites(base, subject(base), c)).toBe(base)
  })

  it('lets ADMINISTRATOR and the owner bypass every overwrite', () => {
    const c = channel(ow(GUILD, 0, 0n, ALL), ow(USER, 1, 0n, ALL), ow('10', 1, 0n, ALL))
    expect(computePermissions(subject(0n, [role('1', ADMINISTRATOR)]), c)).toBe(ALL)
    expect(computePermissions({ ...subject(0n), userId: '10' }, c)).toBe(ALL)
  })

  it('lets each later layer decide the bits it names, whatever the overwrites', () => {
    const bits = fc
      .bigInt({ min: 0n, max: (1n << 20n) - 1n })
      .filter((b) => (b & ADMINISTRATOR) === 0n)
    fc.assert(
      fc.property(bits, bits, bits, bits, bits, bits, bits, (e, r, ea, ed, ra, rd, ma) => {
        const s = subject(e, [role('1', r)])
        const c = channel(ow(GUILD, 0, ea, ed), ow('1', 0, ra, rd), ow(USER, 1, ma, rd))
        const result = computePermissions(s, c)
        expect(result & ma).toBe(ma)
        expect(result & rd & ~ma).toBe(0n)
        // Without a member overwrite, the role layer decides what it names over the @everyone
        // layer.
        const withoutMember = computePermissions(
          s,
          channel(ow(GUILD, 0, ea, ed), ow('1', 0, ra, rd)),
        )
        expect(withoutMember & ra).toBe(ra)
        expect(withoutMember & rd & ~ra).toBe(0n)
      }),
    )
  })
})

describe('roleCanView', () => {
  const everyone = role(GUILD, VIEW_CHANNEL)
  const mods = role('2002', 0n)
  const admins = role('2001', ADMINISTRATOR)
  const roles = [everyone, mods, admins]
  const secret = channel(ow(GUILD, 0, 0n, VIEW_CHANNEL), ow(mods.id, 0, VIEW_CHANNEL))

  it('answers as a member holding only @everyone and that role', () => {
    expect(roleCanView(roles, mods, secret)).toBe(true)
    expect(roleCanView(roles, role('2003', 0n), secret)).toBe(false)
    expect(roleCanView(roles, mods, channel())).toBe(true)
  })

  it('counts ADMINISTRATOR, which bypasses overwrites', () => {
    expect(roleCanView(roles, admins, secret)).toBe(true)
  })

  it('ignores member overwrites: the hypothetical member is nobody in particular', () => {
    const c = channel(ow(GUILD, 0, 0n, VIEW_CHANNEL), ow(USER, 1, VIEW_CHANNEL))
    expect(roleCanView(roles, mods, c)).toBe(false)
  })

  it('needs @everyone among the roles, else @everyone grants nothing', () => {
    expect(roleCanView([mods], mods, channel())).toBe(false)
  })
})

describe('everyoneCanView', () => {
  const everyone = role(GUILD, VIEW_CHANNEL)

  it('is true when @everyone has VIEW_CHANNEL and no overwrite denies it', () => {
    expect(everyoneCanView(channel(ow('2002', 0, VIEW_CHANNEL)), everyone)).toBe(true)
  })

  it('is false when any overwrite, even a member one, denies VIEW_CHANNEL', () => {
    expect(everyoneCanView(channel(ow(USER, 1, 0n, VIEW_CHANNEL)), everyone)).toBe(false)
    expect(everyoneCanView(channel(ow('2002', 0, 0n, VIEW_CHANNEL)), everyone)).toBe(false)
  })

  it('is false when @everyone itself lacks VIEW_CHANNEL, whatever overwrites allow', () => {
    const c = channel(ow(GUILD, 0, VIEW_CHANNEL))
    expect(everyoneCanView(c, role(GUILD, SEND_MESSAGES))).toBe(false)
  })
})
