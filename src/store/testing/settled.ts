import type { PlaygroundStore } from '../createPlaygroundStore.ts'

/** Resolves when no load or rebuild runs, even one started by another's failure. */
export async function settled(store: PlaygroundStore): Promise<void> {
  while (store.getState().loading) {
    await new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => {
        if (s.loading) return
        stop()
        resolve()
      })
    })
    await Promise.resolve()
  }
}
