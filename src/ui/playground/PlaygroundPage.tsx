import { useEffect, useState } from 'react'
import { DEFAULT_SCENARIO_ID, scenarioById } from '../../scenarios/index.ts'
import { createCodeStorage } from '../../store/codeStorage.ts'
import { PlaygroundProvider } from '../../store/PlaygroundProvider.tsx'
import { readLink } from '../../store/share.ts'
import { ErrorBoundary } from '../site/ErrorBoundary.tsx'
import { navigate } from '../site/router.ts'
import { PlaygroundLayout } from './PlaygroundLayout.tsx'
import { ScenarioSync } from './ScenarioSync.tsx'
import { ShareSync } from './ShareSync.tsx'
import { UnknownScenario } from './UnknownScenario.tsx'

/** `/play` and `/play/<scenario>`: one playground instance with its own store. */
export default function PlaygroundPage({ scenarioId }: { scenarioId: string | null }) {
  // A share link in the address (`#run=…`) is read once, before the store exists: it decides what loads.
  const [link, setLink] = useState<ReturnType<typeof readLink> & { routeId: string | null }>(
    () => ({ ...readLink(window.location.hash, scenarioById), routeId: scenarioId }),
  )
  // Bumped by "Reset to the scenario": a new store, without the link.
  const [generation, setGeneration] = useState(0)
  const linked = link.shared && scenarioId === link.routeId ? link.shared.scenario.id : null
  const id = linked ?? scenarioId
  const scenario = scenarioById(id ?? DEFAULT_SCENARIO_ID) ?? scenarioById(DEFAULT_SCENARIO_ID)
  const unknown = id !== null && scenarioById(id) === undefined
  useEffect(() => {
    // A link to another scenario than the address names: the address follows the link.
    if (!unknown && linked && linked !== scenarioId)
      navigate(`/play/${linked}${window.location.hash}`, { replace: true })
  }, [unknown, linked, scenarioId])
  const [storage] = useState(() => createCodeStorage(localStorageOrNull()))
  // An id that names no scenario says so and lists the scenarios, rather than showing another one.
  if (unknown && id !== null) return <UnknownScenario id={id} />
  if (!scenario) return <p role="alert">No scenarios are registered.</p>
  const opens = link.shared || link.problem ? link : undefined
  const reset = () => {
    navigate(`/play/${scenario.id}`, { replace: true })
    setLink({ routeId: scenario.id })
    setGeneration((g) => g + 1)
  }
  return (
    <ErrorBoundary what="playground" resetLabel="Reset to the scenario" onReset={reset}>
      <PlaygroundProvider
        key={generation}
        init={{ scenario, storage, ...(opens ? { link: opens } : {}) }}
      >
        <ScenarioSync scenario={scenario} {...(opens ? { link: opens } : {})} />
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
