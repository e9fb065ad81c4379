import { useActions, useModel } from '../../store/hooks.ts'
import { Form, Input, Select, text } from './Form.tsx'
import { IdentifyForm } from './IdentifyForm.tsx'
import { MemberListForm } from './MemberListForm.tsx'
import { Term } from '../reference/Term.tsx'
import { presenceOptions, sessionOptions } from './options.ts'

/** IDENTIFY, presence (op 3), member lists (op 14) and the simulation clock. */
export function SessionForms() {
  const model = useModel()
  const { apply } = useActions()
  const seconds = Math.round((model.now % 86_400_000) / 1000)
  return (
    <>
      <IdentifyForm />
      <Form
        title="Change presence (op 3)"
        submit="Update presence"
        onSubmit={(d) =>
          apply({
            target: 'gateway',
            method: 'updatePresence',
            args: [text(d, 'session'), { status: text(d, 'status') }],
          })
        }
      >
        <Select label="Session" name="session" options={sessionOptions(model)} />
        <Select label="Status" name="status" options={presenceOptions} />
      </Form>
      <MemberListForm />
      <Form
        title="Advance the clock"
        submit="Advance"
        hint={
          <>
            Disconnected sessions close when their 60 s <Term word="resume window" /> passes. Clock:{' '}
            {seconds.toLocaleString('en-US')} s into the day.
          </>
        }
        onSubmit={(d) =>
          apply({ target: 'clock', method: 'advance', args: [Number(text(d, 'seconds')) * 1000] })
        }
      >
        <Input label="Seconds" name="seconds" type="number" min={0} defaultValue={60} />
      </Form>
    </>
  )
}
