import type { Locator } from '@playwright/test'

/**
 * The code in the editor inside `region`, read in one step: the textarea that stands in for Monaco can
 * leave between two reads (EditorSlot's handover), so which editor is shown and its text come together.
 * Monaco keeps a model per editor path (CodeEditor's `file:///code-<id>.ts`), so the editor mounted in
 * this region is read, not the page's first model or editor.
 */
export function readEditor(region: Locator): Promise<string> {
  return region.evaluate((el) => {
    const textarea = el.querySelector<HTMLTextAreaElement>('textarea.fallback-editor__text')
    if (textarea) return textarea.value
    type Editor = { getValue(): string; getContainerDomNode(): Element }
    const m = (globalThis as { __monaco?: { editor: { getEditors(): Editor[] } } }).__monaco
    const shown = m?.editor.getEditors().find((e) => el.contains(e.getContainerDomNode()))
    return shown?.getValue() ?? ''
  })
}
