import { useEffect } from 'react'
import { DEFAULT_SCENARIO_ID, scenarioById } from '../../scenarios/index.ts'
import { PlaygroundProvider } from '../../store/PlaygroundProvider.tsx'
import { navigate } from '../site/router.ts'
import { PlaygroundLayout } from './PlaygroundLayout.tsx'
import { ScenarioSync } from './ScenarioSync.tsx'

/** `/play` and `/play/<scenario>`: one playground instance with its own store. */
export default function PlaygroundPage({ scenarioId }: { scenarioId: string | null }) {
  const scenario =
    scenarioById(scenarioId ?? DEFAULT_SCENARIO_ID) ?? scenarioById(DEFAULT_SCENARIO_ID)
  const unknown = scenarioId !== null && scenarioById(scenarioId) === undefined
  useEffect(() => {
    // An unknown scenario id: show the default one at its own address rather than an empty page.
    if (unknown) navigate(`/play/${DEFAULT_SCENARIO_ID}`, { replace: true })
  }, [unknown])
  if (!scenario) return <p role="alert">No scenarios are registered.</p>
  return (
    <PlaygroundProvider init={{ scenario }}>
      <ScenarioSync scenario={scenario} />
      <PlaygroundLayout />
    </PlaygroundProvider>
  )
}
