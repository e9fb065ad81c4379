import { useEffect } from 'react'
import { usePlaygroundStoreApi } from '../../store/PlaygroundProvider.tsx'
import { isShareLink } from '../../store/share.ts'
import type { PlaygroundState } from '../../store/types.ts'
import { currentPath, matchPlay, navigate } from '../site/router.ts'
import { openedScenarioId } from './openedScenarioId.ts'

const opened = (s: PlaygroundState) => ({ steps: s.steps, code: s.code })

/**
 * Keeps the address and the playground in step with share links: the address names the scenario the
 * page's link opened, a link pasted into this tab's address bar opens (hashchange), and once the reader changes the code or the timeline the `#run=` part is
 * dropped, so a reload shows their work rather than the link's.
 */
export function ShareSync() {
  const store = usePlaygroundStoreApi()
  useEffect(() => {
    // A link to another scenario than the address names (or than an unknown one): the address follows.
    const opened = openedScenarioId(store.getState())
    if (opened && linkedHere() && matchPlay(currentPath())?.scenarioId !== opened)
      navigate(`/play/${opened}${window.location.hash}`, { replace: true })
  }, [store])
  useEffect(() => {
    const dropHash = () => {
      const { pathname, search } = window.location
      window.history.replaceState(window.history.state, '', pathname + search)
    }
    const linked = linkedHere
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
      // A link that cannot be opened only says why: the playground stays as it was.
      if (store.getState().actions.open({ link: window.location.hash }))
        shown = opened(store.getState())
    }
    window.addEventListener('hashchange', onHashChange)
    return () => {
      unsubscribe()
      window.removeEventListener('hashchange', onHashChange)
    }
  }, [store])
  return null
}

const linkedHere = () => isShareLink(window.location.hash)
