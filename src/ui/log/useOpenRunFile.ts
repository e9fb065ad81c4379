import { useCallback } from 'react'
import { usePlaygroundStoreApi } from '../../store/PlaygroundProvider.tsx'
import { RUN_LIMITS } from '../../store/runData.ts'
import { currentPath, matchPlay, navigate } from '../site/router.ts'
import { openedScenarioId } from '../playground/openedScenarioId.ts'

/**
 * Opens a run file (picked or dropped) in this playground and moves to its scenario's address; a refused
 * file leaves everything as it was and says why (the store's error).
 */
export function useOpenRunFile(): (file: File) => Promise<void> {
  const store = usePlaygroundStoreApi()
  return useCallback(
    async (file: File) => {
      // Reading at most one byte past the limit is enough for the refusal to say the file is too large.
      const text = await file.slice(0, RUN_LIMITS.bytes + 1).text()
      if (!store.getState().actions.open({ runFile: text })) return
      // A run of a large scenario is still loading (in slices): its scenario is the one to name.
      const id = openedScenarioId(store.getState())
      if (id && matchPlay(currentPath())?.scenarioId !== id) navigate(`/play/${id}`)
    },
    [store],
  )
}
