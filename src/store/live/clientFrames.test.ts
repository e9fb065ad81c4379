import { describe, expect, it } from 'vitest'
import type { Frame } from '../../engine/index.ts'
import { clientFrameJson, clientFrameText, framesNdjson } from './clientFrames.ts'

const ready: Frame = { op: 0, t: 'READY', s: 1, d: { v: 10, session_id: 'abc' } }
const ack: Frame = { op: 11, t: null, s: null, d: null }
const wire = { resumeGatewayUrl: 'ws://127.0.0.1:9/gateway' }

describe('frames as the client received them', () => {
  it('writes op, d, s, t; READY gains the wire’s fields only on a gateway', () => {
    expect(clientFrameText(ready, '50', null)).toBe(
      '{"op":0,"d":{"v":10,"session_id":"abc"},"s":1,"t":"READY"}',
    )
    expect(JSON.parse(clientFrameText(ready, '50', wire)).d).toMatchObject({
      resume_gateway_url: wire.resumeGatewayUrl,
      application: { id: '50' },
    })
    expect(clientFrameJson(ack, '50', wire)).toBe(
      '{\n  "op": 11,\n  "d": null,\n  "s": null,\n  "t": null\n}',
    )
  })

  it('saves NDJSON: one frame per line, oldest first, each line JSON', () => {
    const text = framesNdjson([ready, ack], '50', wire)
    const lines = text.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe('')
    expect(lines.slice(0, 2).map((l) => (JSON.parse(l) as Frame).op)).toEqual([0, 11])
  })
})
