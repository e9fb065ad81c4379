import type { GraphModel } from '../graphModel.ts'

/** Models kept for instant scrubbing, at most. */
const MODEL_CACHE_SIZE = 512
/**
 * And at most this many list entries (users, sessions, directory entries, subscribers) that the cached
 * models do not share with the model of the step before: a 100,000-session world costs about 800,000 for
 * its first full model, and a dispatch step next to nothing.
 */
const MODEL_CACHE_WEIGHT = 3_000_000

/** List entries a model holds that `previous` (the step before) does not share. */
function modelWeight(model: GraphModel, previous: GraphModel | undefined): number {
  let weight = model.topics.length + model.channels.length
  if (model.users !== previous?.users) weight += model.users.length
  if (model.sessions !== previous?.sessions) weight += model.sessions.length
  if (model.directory !== previous?.directory) weight += model.directory.size
  const shared = new Set(previous?.topics)
  for (const t of model.topics) if (!shared.has(t)) weight += t.subscribers.length
  return weight
}

/**
 * Graph models by step count, so scrubbing back and forth reads a model instead of rebuilding the
 * engine. Bounded by count and by weight (the entries they do not share), the oldest dropped first.
 */
export class ModelCache {
  private readonly models = new Map<number, GraphModel>()
  private readonly weights = new Map<number, number>()

  get(count: number): GraphModel | undefined {
    return this.models.get(count)
  }

  has(count: number): boolean {
    return this.models.has(count)
  }

  clear(): void {
    this.models.clear()
    this.weights.clear()
  }

  /** Replaces this cache's models with `other`'s. */
  copyFrom(other: ModelCache): void {
    this.clear()
    for (const [at, m] of other.models) this.remember(at, m)
  }

  /** Forgets the models after `count` (those steps were just overwritten, or put back). */
  truncate(count: number): void {
    for (const at of this.models.keys()) if (at > count) this.forget(at)
  }

  remember(count: number, model: GraphModel): void {
    this.forget(count)
    this.models.set(count, model)
    const weight = modelWeight(model, this.models.get(count - 1))
    this.weights.set(count, weight)
    let total = 0
    for (const w of this.weights.values()) total += w
    // Oldest first, never the one just remembered.
    for (const at of this.models.keys()) {
      if (this.models.size <= MODEL_CACHE_SIZE && total <= MODEL_CACHE_WEIGHT) break
      if (at === count) continue
      total -= this.weights.get(at) ?? 0
      this.forget(at)
    }
  }

  private forget(count: number): void {
    this.models.delete(count)
    this.weights.delete(count)
  }
}
