import { scenarios } from '../../scenarios/index.ts'
import { useScenario } from '../../store/hooks.ts'
import { navigate } from '../site/router.ts'
import './ScenarioPicker.css'

/** Picks a scenario; each has its own address, `/play/<id>`. */
export function ScenarioPicker() {
  const scenario = useScenario()
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
