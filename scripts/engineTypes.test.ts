import { describe, expect, it } from 'vitest'
import { editorDeclarations } from './engineTypes.ts'

const ENGINE = `export type A = 1;
/** A frame. */
export interface Frame {
\t/** The opcode. */
\treadonly op: number;
\treadonly t: string | null;
\treadonly s: number | null;
\t/** The data. */
\treadonly d: unknown;
}
export type B = 2;
`

describe('the editor’s declarations', () => {
  it('type a frame’s d by what it carries, keeping the rest as the engine wrote it', () => {
    const out = editorDeclarations(ENGINE)
    expect(out).toContain('\treadonly d: FrameData;\n}\n/**')
    expect(out).toContain('export interface FrameData {')
    expect(out).toContain('\t/** The opcode. */\n\treadonly op: number;')
    expect(out.startsWith('export type A = 1;')).toBe(true)
    expect(out.endsWith('export type B = 2;\n')).toBe(true)
    expect(out).not.toContain('d: unknown')
  })

  it('say so when the engine’s Frame changed shape', () => {
    expect(() => editorDeclarations(ENGINE.replace('d: unknown', 'd: Json'))).toThrow(
      /no longer declares/,
    )
  })
})
