import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useState,
  type ReactNode,
} from 'react'
import { useStore } from 'zustand'
import {
  createPlaygroundStore,
  type PlaygroundInit,
  type PlaygroundStore,
} from './createPlaygroundStore.ts'
import type { PlaygroundState } from './types.ts'

const StoreContext = createContext<PlaygroundStore | null>(null)

/**
 * Gives its subtree one playground store, created once per mount (xyflow's StoreContext pattern) and
 * started as it mounts (`start`: a load in slices of what it was given to open).
 */
export function PlaygroundProvider({
  init,
  children,
}: {
  init?: PlaygroundInit
  children: ReactNode
}) {
  const [store] = useState(() => createPlaygroundStore(init))
  // A load in slices starts once mounted, before the children's effects (they see it loading).
  useLayoutEffect(() => store.start(), [store])
  useEffect(() => () => store.destroy(), [store])
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

/** The store itself, for transient subscriptions (animation) that must not re-render React. */
export function usePlaygroundStoreApi(): PlaygroundStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('usePlaygroundStore must be used inside <PlaygroundProvider>')
  return store
}

/** Selects from this playground's store; components use the named hooks in hooks.ts instead. */
export function usePlaygroundStore<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(usePlaygroundStoreApi(), selector)
}
