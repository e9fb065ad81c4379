import { useScenario } from '../../store/hooks.ts'
import { TryIt } from './TryIt.tsx'
import './ScenarioCard.css'

/**
 * The scenario's story: its title, its one-click calls (unless the layout shows them under the graph)
 * and what to look for.
 */
export function ScenarioCard({ tryIt = true }: { tryIt?: boolean }) {
  const scenario = useScenario()
  if (!scenario) return null
  return (
    <section className="scenario-card" aria-labelledby="scenario-title">
      <h2 id="scenario-title">{scenario.title}</h2>
      <p className="scenario-card__summary">{scenario.summary}</p>
      {tryIt && <TryIt />}
      <details className="scenario-card__explanation" open>
        <summary>What to look for</summary>
        {scenario.explanation.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </details>
    </section>
  )
}
