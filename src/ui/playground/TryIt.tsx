import { describeCall } from '../../store/describeCall.ts'
import { useActions, useScenario } from '../../store/hooks.ts'
import { BreakableName } from '../format/BreakableName.tsx'
import { PANE_IDS } from './panes.ts'

/**
 * The scenario's suggested calls, one click each: where a newcomer starts. Each says in the Console what
 * it did, with the call as code. Its heading's level follows where it sits: under the scenario's
 * title (h3) beside the graph, or a section of its own (h2) under the graph in the tabbed layout.
 */
export function TryIt({ level = 3 }: { level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3'
  const scenario = useScenario()
  const { tryIt } = useActions()
  if (!scenario || scenario.suggested.length === 0) return null
  return (
    <section className="try-it" aria-labelledby={PANE_IDS['try-it']}>
      <Heading className="subheading" id={PANE_IDS['try-it']} tabIndex={-1}>
        Try it
      </Heading>
      <ul className="suggestions">
        {scenario.suggested.map((call, i) => (
          <li key={i}>
            <button type="button" className="button button--suggestion" onClick={() => tryIt(call)}>
              <span className="button--suggestion__arrow" aria-hidden="true">
                ▶
              </span>{' '}
              <BreakableName text={describeCall(call)} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
