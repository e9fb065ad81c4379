import { scenarios } from '../../scenarios/index.ts'
import { scenarioById } from '../../scenarios/index.ts'
import { useLoadingScenarioId, useScenario } from '../../store/hooks.ts'
import { navigate } from '../site/router.ts'
import './ScenarioPicker.css'

/**
 * Picks a scenario; each has its own address, `/play/<id>`. While one builds (in slices, behind its
 * progress), it names that one: the one the address asked for.
 */
export function ScenarioPicker() {
  const loaded = useScenario()
  const loadingId = useLoadingScenarioId()
  const scenario = (loadingId ? scenarioById(loadingId) : undefined) ?? loaded
  return (
    <label className="scenario-picker">
      <span className="scenario-picker__label">Scenario</span>
      <select
        aria-label="Scenario"
        value={scenario?.id ?? ''}
        onChange={(e) => navigate(`/play/${e.currentTarget.value}`)}
      >
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
        {/* A docs page's example, opened from its page: not offered otherwise, but named while open. */}
        {scenario && !scenarios.some((s) => s.id === scenario.id) && (
          <option value={scenario.id}>{scenario.title} (docs example)</option>
        )}
      </select>
    </label>
  )
}
