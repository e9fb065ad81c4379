import { useState } from 'react'
import { useActions, useModel } from '../../store/hooks.ts'
import { Form, Input, Select, text } from './Form.tsx'
import { guildOptions, roleOptions, userOptions } from './options.ts'

/** Roles, members and friendships, through the engine's server flows (they dispatch and resubscribe). */
export function MembershipForms() {
  const model = useModel()
  const { apply } = useActions()
  const [guildId, setGuildId] = useState('')
  const guild = guildId || model.guilds[0]?.id || ''
  const guildSelect = (
    <Select
      label="Guild"
      name="guild"
      options={guildOptions(model)}
      value={guild}
      onChange={setGuildId}
    />
  )
  return (
    <>
      <Form
        title="Add a role"
        submit="Create role"
        onSubmit={(d) =>
          apply({
            target: 'actions',
            method: 'createRole',
            args: [guild, { name: text(d, 'name'), hoist: d.get('hoist') === 'on' }],
          })
        }
      >
        {guildSelect}
        <Input label="Name" name="name" placeholder="Moderators" />
        <label className="check">
          <input type="checkbox" name="hoist" /> hoisted (own group in the member list)
        </label>
      </Form>
      <Form
        title="Add a member"
        submit="Join guild"
        onSubmit={(d) =>
          apply({ target: 'actions', method: 'joinGuild', args: [guild, text(d, 'user')] })
        }
      >
        {guildSelect}
        <Select label="User" name="user" options={userOptions(model)} />
      </Form>
      <Form
        title="Give a member one role"
        submit="Set roles"
        onSubmit={(d) => {
          const role = text(d, 'role')
          return apply({
            target: 'actions',
            method: 'setMemberRoles',
            args: [guild, text(d, 'user'), role ? [role] : []],
          })
        }}
      >
        {guildSelect}
        <Select label="Member" name="user" options={userOptions(model)} />
        <Select
          label="Role"
          name="role"
          required={false}
          options={[['', 'no role'], ...roleOptions(model, guild)]}
        />
      </Form>
      <Form
        title="Make two users friends"
        submit="Add friend"
        onSubmit={(d) =>
          apply({ target: 'actions', method: 'addFriend', args: [text(d, 'a'), text(d, 'b')] })
        }
      >
        <Select label="User" name="a" options={userOptions(model)} />
        <Select label="Friend" name="b" options={userOptions(model)} />
      </Form>
    </>
  )
}
