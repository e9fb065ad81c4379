import { describe, expect, it } from 'vitest'
import {
  checkGatewayQuery,
  closeReason,
  CloseCode,
  decodeClientFrame,
  encodeFrame,
  MAX_PAYLOAD_BYTES,
  utf8Length,
} from './protocol.ts'

describe('decodeClientFrame', () => {
  it('reads a known op and its data', () => {
    expect(decodeClientFrame('{"op":1,"d":5}')).toEqual({ op: 1, d: 5 })
    expect(decodeClientFrame('{"op":1}')).toEqual({ op: 1, d: null })
  })

  it('refuses what is not JSON, not an object or has no integer op with 4002', () => {
    for (const text of ['{op:1', '', '[1]', 'null', '"x"', '{"op":"1"}', '{"op":1.5}', '{"d":1}']) {
      expect(decodeClientFrame(text)).toMatchObject({ code: CloseCode.DECODE_ERROR })
    }
  })

  it('refuses an op a client cannot send with 4001', () => {
    for (const op of [0, 5, 7, 9, 10, 11, 12, 99, -1]) {
      expect(decodeClientFrame(JSON.stringify({ op, d: null }))).toMatchObject({
        code: CloseCode.UNKNOWN_OPCODE,
      })
    }
  })

  it('counts the size limit in UTF-8 bytes', () => {
    const pad = (n: number, ch: string) => `{"op":1,"d":null,"x":"${ch.repeat(n)}"}`
    const base = pad(0, 'a').length
    expect(decodeClientFrame(pad(MAX_PAYLOAD_BYTES - base, 'a'))).toEqual({ op: 1, d: null })
    expect(decodeClientFrame(pad(MAX_PAYLOAD_BYTES - base + 1, 'a'))).toMatchObject({ code: 4002 })
    // 'é' is 2 bytes: half as many characters reach the limit.
    expect(decodeClientFrame(pad((MAX_PAYLOAD_BYTES - base) / 2 + 1, 'é'))).toMatchObject({
      code: 4002,
    })
    expect(utf8Length('a€😀')).toBe(1 + 3 + 4)
  })
})

describe('frames and URLs', () => {
  it('writes op, d, s, t in that order', () => {
    expect(encodeFrame({ t: 'READY', s: 1, op: 0, d: {} })).toBe(
      '{"op":0,"d":{},"s":1,"t":"READY"}',
    )
  })

  it('accepts v=10 JSON (compress ignored) and refuses another version or encoding', () => {
    expect(checkGatewayQuery({ v: '10', encoding: 'json' })).toBeUndefined()
    expect(checkGatewayQuery({})).toBeUndefined()
    expect(checkGatewayQuery({ v: '9' })).toMatchObject({ code: CloseCode.INVALID_API_VERSION })
    expect(checkGatewayQuery({ encoding: 'etf' })).toMatchObject({ code: CloseCode.DECODE_ERROR })
  })

  it('cuts a close reason to what a close frame carries', () => {
    expect(closeReason('short')).toBe('short')
    expect(utf8Length(closeReason('é'.repeat(200)))).toBeLessThanOrEqual(123)
  })
})
