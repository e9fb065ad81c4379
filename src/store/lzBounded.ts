/**
 * lz-string's `decompressFromEncodedURIComponent` (lz-string 1.5, MIT), with a bound on the output.
 * An LZ dictionary lets a few kilobytes of input expand quadratically (a hostile link could ask for
 * gigabytes); this stops as soon as the text passes `maxChars`. Same format as lz-string's compressor.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]))

/** The decompressed text would pass the bound. */
export class TooLargeError extends Error {
  override readonly name = 'TooLargeError'
}

/** The text, or null when the input is not lz-string data (as lz-string answers). */
export function decompressBounded(input: string, maxChars: number): string | null {
  if (input === '') return null
  const text = input.replace(/ /g, '+')
  const length = text.length
  const valueAt = (i: number) => VALUE.get(text.charAt(i)) ?? 0
  const resetValue = 32
  const data = { val: valueAt(0), position: resetValue, index: 1 }
  const read = (n: number) => {
    let bits = 0
    for (let power = 1, max = 2 ** n; power !== max; power <<= 1) {
      const resb = data.val & data.position
      data.position >>= 1
      if (data.position === 0) {
        data.position = resetValue
        data.val = valueAt(data.index++)
      }
      bits |= (resb > 0 ? 1 : 0) * power
    }
    return bits
  }
  const dictionary: string[] = []
  let enlargeIn = 4
  let dictSize = 4
  let numBits = 3
  let size = 0
  const out: string[] = []
  const push = (s: string) => {
    size += s.length
    if (size > maxChars)
      throw new TooLargeError(`more than ${maxChars} characters once decompressed`)
    out.push(s)
  }
  let c: string
  switch (read(2)) {
    case 0:
      c = String.fromCharCode(read(8))
      break
    case 1:
      c = String.fromCharCode(read(16))
      break
    case 2:
      return ''
    default:
      return null
  }
  dictionary[3] = c
  let w = c
  push(c)
  for (;;) {
    if (data.index > length) return ''
    let code = read(numBits)
    switch (code) {
      case 0:
        dictionary[dictSize++] = String.fromCharCode(read(8))
        code = dictSize - 1
        enlargeIn--
        break
      case 1:
        dictionary[dictSize++] = String.fromCharCode(read(16))
        code = dictSize - 1
        enlargeIn--
        break
      case 2:
        return out.join('')
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits
      numBits++
    }
    let entry: string
    const known = dictionary[code]
    if (known) entry = known
    else if (code === dictSize) entry = w + w.charAt(0)
    else return null
    push(entry)
    dictionary[dictSize++] = w + entry.charAt(0)
    enlargeIn--
    w = entry
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits
      numBits++
    }
  }
}
