import { useEffect } from 'react'
import type { Scenario } from '../../scenarios/types.ts'
import { usePlaygroundStoreApi } from '../../store/PlaygroundProvider.tsx'
import { useActions, useScenario } from '../../store/hooks.ts'

declare global {
  interface Window {
    /** The playground's store, exposed only with `?e2e=1` for end-to-end tests to read state. */
    __playground?: unknown
  }
}

/** Loads the route's scenario into the store, titles the page, and exposes the store to e2e tests. */
export function ScenarioSync({ scenario }: { scenario: Scenario }) {
  const current = useScenario()
  const { loadScenario } = useActions()
  const store = usePlaygroundStoreApi()
  useEffect(() => {
    if (current?.id !== scenario.id) loadScenario(scenario)
  }, [current, scenario, loadScenario])
  useEffect(() => {
    document.title = `${scenario.title} · Playground · Fanout`
  }, [scenario])
  useEffect(() => {
    if (!new URLSearchParams(window.location.search).has('e2e')) return
    window.__playground = store
    return () => {
      delete window.__playground
    }
  }, [store])
  return null
}
