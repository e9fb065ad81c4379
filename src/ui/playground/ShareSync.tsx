import { useEffect } from 'react'
import { scenarioById } from '../../scenarios/index.ts'
import { usePlaygroundStoreApi } from '../../store/PlaygroundProvider.tsx'
import { readLink, SHARE_PARAM } from '../../store/share.ts'
import type { PlaygroundState } from '../../store/types.ts'

const opened = (s: PlaygroundState) => ({ steps: s.steps, code: s.code })

/**
 * Keeps the address and the playground in step with share links: a link pasted into this tab's address
 * bar opens (hashchange), and once the reader changes the code or the timeline the `#run=` part is
 * dropped, so a reload shows their work rather than the link's.
 */
export function ShareSync() {
  const store = usePlaygroundStoreApi()
  useEffect(() => {
    const dropHash = () => {
      const { pathname, search } = window.location
      window.history.replaceState(window.history.state, '', pathname + search)
    }
    const linked = () => window.location.hash.startsWith(`#${SHARE_PARAM}=`)
    let shown = opened(store.getState())
    // A link into a scenario built by rules loads in slices: what it opened is what that load shows.
    let loading = store.getState().loading?.kind === 'scenario'
    const unsubscribe = store.subscribe((s) => {
      if (s.loading?.kind === 'scenario') loading = true
      else if (loading) {
        loading = false
        shown = opened(s)
      } else if (linked() && (s.steps !== shown.steps || s.code !== shown.code)) dropHash()
    })
    const onHashChange = () => {
      if (!linked()) return
      const link = readLink(window.location.hash, scenarioById)
      const { actions } = store.getState()
      const fallback = link.shared && scenarioById(link.shared.scenario.id)
      if (link.shared && fallback) {
        actions.openLink(link, fallback)
        shown = opened(store.getState())
      } else if (link.problem) actions.reportError(link.problem.heading, link.problem.message)
    }
    window.addEventListener('hashchange', onHashChange)
    return () => {
      unsubscribe()
      window.removeEventListener('hashchange', onHashChange)
    }
  }, [store])
  return null
}
