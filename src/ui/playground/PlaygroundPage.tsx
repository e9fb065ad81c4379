import { useState } from 'react'
import { DEFAULT_SCENARIO_ID, scenarioById } from '../../scenarios/index.ts'
import { createCodeStorage } from '../../store/codeStorage.ts'
import { PlaygroundProvider } from '../../store/PlaygroundProvider.tsx'
import { isShareLink } from '../../store/share.ts'
import { ErrorBoundary } from '../site/ErrorBoundary.tsx'
import { navigate } from '../site/router.ts'
import { PlaygroundLayout } from './PlaygroundLayout.tsx'
import { ScenarioSync } from './ScenarioSync.tsx'
import { ShareSync } from './ShareSync.tsx'
import { UnknownScenario } from './UnknownScenario.tsx'

/** `/play` and `/play/<scenario>`: one playground instance with its own store. */
export default function PlaygroundPage({ scenarioId }: { scenarioId: string | null }) {
  // What the page was given: the route's scenario and the address's hash (a share link, `#run=…`),
  // read once; the store opens it (a link to another scenario: the address follows, ShareSync).
  const [hash, setHash] = useState(() => window.location.hash)
  // Bumped by "Reset to the scenario": a new store, without the link.
  const [generation, setGeneration] = useState(0)
  const scenario =
    scenarioById(scenarioId ?? DEFAULT_SCENARIO_ID) ?? scenarioById(DEFAULT_SCENARIO_ID)
  const unknown = scenarioId !== null && scenarioById(scenarioId) === undefined
  const [storage] = useState(() => createCodeStorage(localStorageOrNull()))
  // An id that names no scenario says so and lists the scenarios, rather than showing another one; a
  // link in the address names its own scenario (the store opens it, ShareSync moves the address).
  if (unknown && scenarioId !== null && !isShareLink(hash))
    return <UnknownScenario id={scenarioId} />
  if (!scenario) return <p role="alert">No scenarios are registered.</p>
  const reset = () => {
    navigate(`/play/${scenario.id}`, { replace: true })
    setHash('')
    setGeneration((g) => g + 1)
  }
  return (
    <ErrorBoundary what="playground" resetLabel="Reset to the scenario" onReset={reset}>
      <PlaygroundProvider
        key={generation}
        init={{ open: { link: hash, otherwise: scenario }, scenarios: scenarioById, storage }}
      >
        <ScenarioSync scenario={scenario} />
        <ShareSync />
        <PlaygroundLayout />
      </PlaygroundProvider>
    </ErrorBoundary>
  )
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null // storage disabled: code lives for this visit only
  }
}
