import { useState } from 'react'
import { useActions, useModel } from '../../store/hooks.ts'
import { Form, Input, Select, text } from './Form.tsx'
import { guildOptions, guildTextChannelOptions, sessionOptions } from './options.ts'

/**
 * Op 14: a session asks for a window of a channel's member list. The engine answers with a SYNC, keeps
 * the range and sends minimal ops when the list changes inside it; a new request replaces the old range.
 */
export function MemberListForm() {
  const model = useModel()
  const { apply } = useActions()
  const [guildId, setGuildId] = useState('')
  const guild = guildId || model.guilds[0]?.id || ''
  return (
    <Form
      title="Request a member list (op 14)"
      submit="Request list"
      hint="Ranges are inclusive, at most 100 items; the list appears on the graph as a topic."
      onSubmit={(d) => {
        const range: [number, number] = [Number(text(d, 'start')), Number(text(d, 'end'))]
        return apply({
          target: 'gateway',
          method: 'requestMemberList',
          args: [text(d, 'session'), guild, { [text(d, 'channel')]: [range] }],
        })
      }}
    >
      <Select label="Session" name="session" options={sessionOptions(model)} />
      <Select
        label="Guild"
        name="guild"
        options={guildOptions(model)}
        value={guild}
        onChange={setGuildId}
      />
      <Select label="Channel" name="channel" options={guildTextChannelOptions(model, guild)} />
      <div className="field-row field-row--two">
        <Input label="From" name="start" type="number" min={0} defaultValue={0} />
        <Input label="To" name="end" type="number" min={0} defaultValue={99} />
      </div>
    </Form>
  )
}
