import { usernameOf } from '../../store/graphModel.ts'
import { useActions, useModel } from '../../store/hooks.ts'
import { sessionLabel } from '../format/sessionLabel.ts'
import '../graph/nodes.css'
import './Inspector.css'

/** A topic key and its subscribers. */
export function TopicInspector({ topicId }: { topicId: string }) {
  const model = useModel()
  const { select } = useActions()
  const topic = model.topics.find((t) => t.id === topicId)
  if (!topic) return <p className="panel__empty">{topicId} has no subscribers at this step.</p>
  const friend = topic.backend === 'friend'
  const userName = (id: string) => usernameOf(model, id)
  return (
    <div className="inspector__body">
      <h3>
        <span className={`backend-pill backend-${topic.backend}`}>{topic.backend}</span>{' '}
        {topic.label}
      </h3>
      <dl className="facts">
        <dt>Key</dt>
        <dd className="mono">{topic.id}</dd>
        <dt>{friend ? 'Friends' : 'Subscribers'}</dt>
        <dd>{topic.subscribers.length.toLocaleString('en-US')}</dd>
      </dl>
      {friend && (
        <p className="panel__hint">
          A friend link lists users: an event reaches every session of each of them.
        </p>
      )}
      <ul className="plain-list" aria-label={friend ? 'Friends' : 'Subscribers'}>
        {topic.subscribers.slice(0, 100).map((id) => (
          <li key={id}>
            {friend ? (
              userName(id)
            ) : (
              <button
                type="button"
                className="link-button"
                onClick={() => select({ kind: 'session', id })}
              >
                {sessionLabel(model, id)}
              </button>
            )}
            {topic.ranges?.[id] && (
              <span className="muted">
                {' '}
                holds {topic.ranges[id].map(([a, b]) => `${a}–${b}`).join(', ')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
