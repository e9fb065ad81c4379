import { useState } from 'react'
import { useActions, useModel } from '../../store/hooks.ts'
import { Form, Input, Select, text } from './Form.tsx'
import { guildOptions, roleOptions, userOptions } from './options.ts'

const VIEW_CHANNEL = String(1 << 10)

/** A guild text channel, optionally private: only one role or member can view it. */
export function ChannelForm() {
  const model = useModel()
  const { apply } = useActions()
  const [guildId, setGuildId] = useState('')
  const guild = guildId || model.guilds[0]?.id || ''
  const [privateTo, setPrivateTo] = useState<'' | 'role' | 'member'>('')
  const targets = privateTo === 'role' ? roleOptions(model, guild) : userOptions(model)
  return (
    <Form
      title="Add a channel"
      submit="Create channel"
      hint="Through actions.createChannel: CHANNEL_CREATE goes out and sessions that can view it subscribe."
      onSubmit={(d) => {
        const target = text(d, 'target')
        const overwrites = privateTo
          ? [
              { id: guild, type: 0, deny: VIEW_CHANNEL },
              { id: target, type: privateTo === 'role' ? 0 : 1, allow: VIEW_CHANNEL },
            ]
          : []
        return apply({
          target: 'actions',
          method: 'createChannel',
          args: [{ guildId: guild, name: text(d, 'name'), overwrites }],
        })
      }}
    >
      <Select
        label="Guild"
        name="guild"
        options={guildOptions(model)}
        value={guild}
        onChange={setGuildId}
      />
      <Input label="Name" name="name" placeholder="secret-plans" />
      <label className="field">
        <span>Who can view</span>
        <select
          value={privateTo}
          onChange={(e) => setPrivateTo(e.currentTarget.value as typeof privateTo)}
        >
          <option value="">everyone</option>
          <option value="role">private: only a role</option>
          <option value="member">private: only a member</option>
        </select>
      </label>
      {privateTo && (
        <Select label={privateTo === 'role' ? 'Role' : 'Member'} name="target" options={targets} />
      )}
    </Form>
  )
}
