import { describeCall } from '../../store/describeCall.ts'
import { BreakableName } from '../format/BreakableName.tsx'
import { useActions, useScenario } from '../../store/hooks.ts'
import './ScenarioCard.css'

/** The scenario's story and its one-click dispatches: where a newcomer starts. */
export function ScenarioCard() {
  const scenario = useScenario()
  const { apply } = useActions()
  if (!scenario) return null
  return (
    <section className="scenario-card" aria-labelledby="scenario-title">
      <h2 id="scenario-title">{scenario.title}</h2>
      <p className="scenario-card__summary">{scenario.summary}</p>
      <h3 className="subheading">Try it</h3>
      <ul className="suggestions">
        {scenario.suggested.map((call, i) => (
          <li key={i}>
            <button type="button" className="button button--suggestion" onClick={() => apply(call)}>
              <span className="button--suggestion__arrow" aria-hidden="true">
                ▶
              </span>{' '}
              <BreakableName text={describeCall(call)} />
            </button>
          </li>
        ))}
      </ul>
      <details className="scenario-card__explanation" open>
        <summary>What to look for</summary>
        {scenario.explanation.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </details>
    </section>
  )
}
