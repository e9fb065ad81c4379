import { useActions, useModel } from '../../store/hooks.ts'
import { Form, Input, Select, text } from './Form.tsx'
import { guildOptions, textChannelOptions, userOptions } from './options.ts'

/**
 * Server flows a person triggers by hand: a message, typing, a DM, leaving a guild. Each runs through the
 * engine's actions, so it dispatches what a Discord-like server would and keeps subscriptions in step.
 */
export function ActionForms() {
  const model = useModel()
  const { apply } = useActions()
  const channels = textChannelOptions(model)
  const users = userOptions(model)
  return (
    <div className="form-stack">
      <Form
        title="Send a message"
        submit="Send"
        hint="actions.sendMessage: MESSAGE_CREATE to the channel's subscribers who can read it (content redacted without MESSAGE_CONTENT)."
        onSubmit={(d) =>
          apply({
            target: 'actions',
            method: 'sendMessage',
            args: [text(d, 'channel'), text(d, 'author'), text(d, 'content')],
          })
        }
      >
        <Select label="Channel" name="channel" options={channels} />
        <Select label="Author" name="author" options={users} />
        <Input label="Content" name="content" placeholder="hello, gateway" />
      </Form>
      <Form
        title="Start typing"
        submit="Type"
        onSubmit={(d) =>
          apply({
            target: 'actions',
            method: 'startTyping',
            args: [text(d, 'channel'), text(d, 'user')],
          })
        }
      >
        <Select label="Channel" name="channel" options={channels} />
        <Select label="User" name="user" options={users} />
      </Form>
      <Form
        title="Open a DM"
        submit="Open DM"
        hint="CHANNEL_CREATE reaches the opener now; the other user learns of the DM with its first message."
        onSubmit={(d) =>
          apply({ target: 'actions', method: 'openDm', args: [text(d, 'a'), text(d, 'b')] })
        }
      >
        <Select label="User" name="a" options={users} />
        {/* Two different users by default: a DM with oneself is refused. */}
        <Select label="With" name="b" options={users} defaultValue={users[1]?.[0]} />
      </Form>
      <Form
        title="Leave a guild"
        submit="Leave guild"
        onSubmit={(d) =>
          apply({
            target: 'actions',
            method: 'leaveGuild',
            args: [text(d, 'guild'), text(d, 'user')],
          })
        }
      >
        <Select label="Guild" name="guild" options={guildOptions(model)} />
        <Select label="Member" name="user" options={users} />
      </Form>
    </div>
  )
}
