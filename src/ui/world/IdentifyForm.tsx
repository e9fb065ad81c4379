import { useState } from 'react'
import { Intents, INTENTS } from '../../store/engineTables.ts'
import { useActions, useModel } from '../../store/hooks.ts'
import { Form, Input, Select, text } from './Form.tsx'
import { Term } from '../reference/Term.tsx'
import { presenceOptions, userOptions } from './options.ts'

/** IDENTIFY (op 2): a user, the intents it asks for, its shard and presence. */
export function IdentifyForm() {
  const model = useModel()
  const { apply } = useActions()
  const [intents, setIntents] = useState<number>(Intents.ALL)
  const toggle = (bit: number) => setIntents((v) => v ^ bit)
  return (
    <Form
      title="IDENTIFY a session"
      submit="IDENTIFY"
      hint={
        <>
          The new <Term word="session" /> subscribes to the <Term word="guild">guilds</Term> its{' '}
          <Term word="shard" /> serves and the channels its user can read.
        </>
      }
      onSubmit={(d) => {
        const shard = [Number(text(d, 'shardId')), Number(text(d, 'shardCount'))]
        const status = text(d, 'status')
        const ok = apply({
          target: 'gateway',
          method: 'identify',
          args: [{ userId: text(d, 'user'), intents, shard, presence: { status } }],
        })
        if (ok) setIntents(Intents.ALL)
        return ok
      }}
    >
      <Select label="User" name="user" options={userOptions(model)} />
      <div className="field-row">
        <Input label="Shard id" name="shardId" type="number" min={0} defaultValue={0} />
        <Input label="of" name="shardCount" type="number" min={1} defaultValue={1} />
        <Select label="Presence" name="status" options={presenceOptions} />
      </div>
      <fieldset className="intents">
        <legend>
          Intents{' '}
          <button type="button" className="link-button" onClick={() => setIntents(Intents.ALL)}>
            all
          </button>{' '}
          <button type="button" className="link-button" onClick={() => setIntents(0)}>
            none
          </button>
        </legend>
        {INTENTS.map((o) => (
          <label key={o.name} className="check check--small">
            <input
              type="checkbox"
              checked={(intents & o.bit) !== 0}
              onChange={() => toggle(o.bit)}
            />
            {o.name}
            {o.privileged && <span className="muted"> (privileged)</span>}
          </label>
        ))}
      </fieldset>
    </Form>
  )
}
