/**
 * A running checksum of values the benchmarked code produced (delivered counts, sequence numbers).
 * Folding every result into it, and printing it, keeps the optimiser from deleting work whose result
 * is never used (dead-code elimination: tseep's published 992 M ops/s "emit-empty" is that artefact).
 * FNV-1a over 32-bit words; the low and high words of each value both count.
 */
export class Checksum {
  private hash = 0x811c9dc5

  add(value: number): void {
    const low = value >>> 0
    const high = Math.floor(value / 0x1_0000_0000) >>> 0
    this.hash = Math.imul(this.hash ^ low, 0x01000193) >>> 0
    this.hash = Math.imul(this.hash ^ high, 0x01000193) >>> 0
  }

  /** Eight lowercase hex digits. */
  hex(): string {
    return this.hash.toString(16).padStart(8, '0')
  }
}
