import { useEffect, useEffectEvent, useRef } from 'react'
import type { Scenario } from '../../scenarios/types.ts'
import { usePlaygroundStoreApi } from '../../store/PlaygroundProvider.tsx'
import type { ReadLink } from '../../store/share.ts'
import { useActions, useLoadingScenarioId, useScenario } from '../../store/hooks.ts'

declare global {
  interface Window {
    /** The playground's store, exposed only with `?e2e=1` for end-to-end tests to read state. */
    __playground?: unknown
  }
}

/**
 * Loads the route's scenario into the store (or, on the first load, the share link the address held),
 * titles the page, and exposes the store to e2e tests.
 */
export function ScenarioSync({ scenario, link }: { scenario: Scenario; link?: ReadLink }) {
  const current = useScenario()
  const loadingId = useLoadingScenarioId()
  const { loadScenario, openLink } = useActions()
  const store = usePlaygroundStoreApi()
  // The store opened a small link itself; one into a scenario built by rules loads here, in slices.
  const pending = useRef(link)
  // Only when the address names another scenario: a run opened from a file keeps its timeline until
  // the address changes (it moves to the run's scenario without reloading it). A scenario already
  // loading (in slices) is not started again.
  const follow = useEffectEvent((route: Scenario) => {
    const first = pending.current
    pending.current = undefined
    if (current?.id === route.id || loadingId === route.id) return
    if (first) openLink(first, route)
    else loadScenario(route)
  })
  useEffect(() => follow(scenario), [scenario])
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
