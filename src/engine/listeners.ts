/**
 * A list of listeners, as the engine's two emitters keep one (the inspection stream, the world's
 * changes): `add` returns its own remove (docs/design/style.md §7), and `current` is the list as it is
 * now, to iterate: a listener that adds or removes one while it runs changes the next emit, not this one.
 */
export interface Listeners<T> {
  add(listener: (value: T) => void): () => void
  readonly current: readonly ((value: T) => void)[]
}

export function createListeners<T>(): Listeners<T> {
  // Replaced, never mutated: whoever iterates `current` iterates a snapshot.
  let list: readonly ((value: T) => void)[] = []
  return {
    add(listener) {
      list = [...list, listener]
      return () => {
        list = list.filter((l) => l !== listener)
      }
    },
    get current() {
      return list
    },
  }
}
