import type { LastFlatCopy } from '../payload.ts'

/**
 * One simulation's dispatch records. A session keeps, per frame, the record's index here: a small
 * integer, which costs a delivery no write barrier and the garbage collector nothing to trace (a
 * reference per recipient cost the 100,000-session fan-out about 50 ns each).
 *
 * Records are counted: each recipient holds one reference (taken as it is sent the frame) until its
 * session closes. A record no open session holds is dropped and its index reused, so what closed
 * sessions were sent becomes collectable (docs/design/semantics.md §10: a closed session keeps
 * nothing but its id).
 *
 * Closing a session therefore gives back one hold per frame it holds (`releaseAll`, one tight loop):
 * linear in that session's frames (a few tens of ns each). With integer ids only the holder knows
 * which records it holds. The two ways out cost more elsewhere: records owned by the garbage collector
 * (a reference per frame, as above) make closing free but put a write barrier on every fan-out
 * recipient and a pointer per held frame to trace in every major GC (84 million frames in the
 * Discord-shaped world); dropping records a page at a time keeps a closed session's payloads alive
 * while an open session holds one record of the same page, which §10 does not allow.
 * @internal
 */
export class RecordTable {
  /** Each record's `t` and `d`, side by side (no record object per dispatch to allocate and keep). */
  private readonly types: (string | undefined)[] = []
  private readonly data: unknown[] = []
  private readonly refs: number[] = []
  private readonly free: number[] = []
  /** The record `add` made or found last (-1: none). */
  private last = -1
  /**
   * The last flat payload copied for this simulation's dispatches (payload.ts shares it with the next
   * equal one), kept only while it is the data of the last record and some open session holds that:
   * forgotten by {@link settle} after a dispatch that sent it to nobody, and when its record is
   * dropped, so it never keeps a payload no session can read (docs/design/semantics.md §10).
   */
  readonly lastFlat: LastFlatCopy = { names: [], copy: null }

  /**
   * The index of the record `{ t, d }`, stored now with no holder yet; {@link retain} it for each
   * session sent it. When the last record stored is that same `t` and `d` and still held, its index:
   * an event dispatched again with the same frozen payload (payload.ts shares equal flat copies) is
   * then held as one record, and a session's frames of it cost a frame id each.
   */
  add(t: string, d: unknown): number {
    const last = this.last
    if (last >= 0 && this.data[last] === d && this.types[last] === t) return last
    let index: number
    if (this.free.length === 0) {
      // `push`, not a store at `length`: V8 grows an array by push far faster.
      this.types.push(t)
      this.data.push(d)
      index = this.refs.push(0) - 1
    } else {
      index = this.free.pop() as number
      this.types[index] = t
      this.data[index] = d
      this.refs[index] = 0
    }
    return (this.last = index)
  }

  retain(index: number): void {
    ;(this.refs[index] as number)++
  }

  /**
   * Lets go of one hold per id among the first `count` frame ids of a session's frame log (`Session.chunks`: chunks
   * of ids, `~i` for the session's own frames, which hold no record), in one loop: the last holder of a
   * record drops it.
   */
  releaseAll(chunks: readonly (readonly number[])[], count: number): void {
    const refs = this.refs
    const types = this.types
    const data = this.data
    const free = this.free
    const flat = this.lastFlat.copy
    for (let c = 0, left = count; left > 0; c++) {
      const chunk = chunks[c] as readonly number[]
      const n = left < chunk.length ? left : chunk.length
      for (let j = 0; j < n; j++) {
        const id = chunk[j] as number
        if (id < 0) continue
        const held = (refs[id] as number) - 1
        refs[id] = held
        if (held === 0) {
          if (flat !== null && data[id] === flat) this.forgetLastFlat()
          types[id] = undefined
          data[id] = undefined
          free.push(id)
        }
      }
      left -= n
    }
    this.dropIfEmpty()
  }

  /**
   * After a dispatch: forgets the last flat copy unless it is the last record's data, which recipients
   * then hold (a payload sent to nobody has no record; one followed by other records only loses its
   * sharing with the next equal payload).
   */
  settle(): void {
    const flat = this.lastFlat.copy
    if (flat !== null && (this.last < 0 || this.data[this.last] !== flat)) this.forgetLastFlat()
  }

  private forgetLastFlat(): void {
    this.lastFlat.copy = null
    this.lastFlat.names = []
  }

  /** Nothing held at all (every session closed): gives the arrays' room back too. */
  private dropIfEmpty(): void {
    if (this.free.length === this.types.length) {
      this.forgetLastFlat()
      this.last = -1
      this.types.length = 0
      this.data.length = 0
      this.refs.length = 0
      this.free.length = 0
    }
  }

  /** The record's `t`. */
  typeOf(index: number): string {
    return this.types[index] as string
  }

  /** The record's `d`. */
  dataOf(index: number): unknown {
    return this.data[index]
  }

  /** How many records some open session still holds (tests: nothing leaks). */
  get size(): number {
    return this.types.length - this.free.length
  }
}
