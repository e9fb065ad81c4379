import { useActions, useModel } from '../../store/hooks.ts'
import { Form, Input, Select, text } from './Form.tsx'
import { userOptions } from './options.ts'

/** Users and guilds: world mutators (no dispatch: nobody is subscribed to a new user or guild yet). */
export function EntityForms() {
  const model = useModel()
  const { apply } = useActions()
  return (
    <>
      <Form
        title="Add a user"
        submit="Add user"
        onSubmit={(d) =>
          apply({
            target: 'world',
            method: 'createUser',
            args: [{ username: text(d, 'username'), bot: d.get('bot') === 'on' }],
          })
        }
      >
        <Input label="Username" name="username" placeholder="erin" />
        <label className="check">
          <input type="checkbox" name="bot" /> bot
        </label>
      </Form>
      <Form
        title="Add a guild"
        submit="Add guild"
        hint="Its owner becomes a member; @everyone can view its channels."
        onSubmit={(d) =>
          apply({
            target: 'world',
            method: 'createGuild',
            args: [{ name: text(d, 'name'), ownerId: text(d, 'owner') }],
          })
        }
      >
        <Input label="Name" name="name" placeholder="Book club" />
        <Select label="Owner" name="owner" options={userOptions(model)} />
      </Form>
    </>
  )
}
