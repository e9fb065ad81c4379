import { useEffect, useEffectEvent, useRef } from 'react'
import type { Scenario } from '../../scenarios/types.ts'
import { usePlaygroundStoreApi } from '../../store/PlaygroundProvider.tsx'
import { useActions } from '../../store/hooks.ts'
import { openedScenarioId } from './openedScenarioId.ts'

declare global {
  interface Window {
    /** The playground's store, exposed only with `?e2e=1` for end-to-end tests to read state. */
    __playground?: unknown
  }
}

/**
 * Opens the route's scenario when the address names another one, titles the page, and exposes the
 * store to e2e tests. The first route is left alone: the store opened what the page was given (a link
 * may name another scenario; the address follows it, `ShareSync`).
 */
export function ScenarioSync({ scenario }: { scenario: Scenario }) {
  const { open } = useActions()
  const store = usePlaygroundStoreApi()
  const first = useRef(true)
  // Only when the address names another scenario: a run opened from a file keeps its timeline until
  // the address changes (it moves to the run's scenario without reloading it). A scenario already
  // loading (in slices) is not started again.
  const follow = useEffectEvent((route: Scenario) => {
    if (first.current) {
      first.current = false
      return
    }
    if (openedScenarioId(store.getState()) !== route.id) open({ scenario: route })
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
