import { useModel, useSelection } from '../../store/hooks.ts'
import { FindSession } from './FindSession.tsx'
import { SessionInspector } from './SessionInspector.tsx'
import { TopicInspector } from './TopicInspector.tsx'
import './Inspector.css'

/** Details of what is selected on the graph. */
export function Inspector() {
  const selection = useSelection()
  const model = useModel()
  return (
    <section className="panel inspector" aria-labelledby="inspector-title">
      <header className="panel__header">
        <h2 id="inspector-title">Inspector</h2>
      </header>
      <FindSession />
      {selection?.kind === 'session' ? (
        <SessionInspector sessionId={selection.id} />
      ) : selection?.kind === 'topic' ? (
        <TopicInspector topicId={selection.id} />
      ) : selection?.kind === 'group' ? (
        <p className="panel__empty">
          A summary node: {model.sessions.length.toLocaleString('en-US')} sessions are too many to
          draw one by one. Use “Show more” on it, pick a session in the Delivery list, or find one
          by name above.
        </p>
      ) : (
        <p className="panel__empty">
          Select a session or a topic on the graph (click it, or Tab to it and press Enter).
        </p>
      )}
    </section>
  )
}
