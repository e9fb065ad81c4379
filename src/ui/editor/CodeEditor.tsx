import MonacoEditor, { type OnMount } from '@monaco-editor/react'
import { useEffect, useId, useRef } from 'react'
import { useTheme } from '../site/theme.ts'
import { monaco, THEMES } from './monacoSetup.ts'
import type { EditorProps, Handoff } from './types.ts'

type Editor = Parameters<OnMount>[0]

const OPTIONS = {
  minimap: { enabled: false },
  fontSize: 12,
  lineNumbersMinChars: 2,
  // A wheel over an editor that cannot scroll further scrolls the page (a docs page's example).
  scrollbar: {
    verticalScrollbarSize: 8,
    horizontalScrollbarSize: 8,
    alwaysConsumeMouseWheel: false,
  },
  folding: false,
  glyphMargin: false,
  scrollBeyondLastLine: false,
  automaticLayout: true,
  tabSize: 2,
  renderLineHighlight: 'line',
  fixedOverflowWidgets: true,
  // Chromium's EditContext drops spaces typed by automation (Playwright's keyboard); Monaco's classic
  // hidden textarea does not.
  editContext: false,
} as const

/** Monaco with the engine's generated types: loaded only through EditorSlot's lazy import. */
export default function CodeEditor({
  value,
  onChange,
  readOnly = false,
  height,
  onRun,
  mark,
  label = 'Code',
  text,
  visibleScrollbars = false,
  wrap = false,
  handoff,
  onReady,
}: EditorProps & { handoff?: { readonly current: Handoff }; onReady?: () => void }) {
  const { theme } = useTheme()
  const id = useId().replace(/[^a-z0-9]/gi, '')
  const editor = useRef<Editor | null>(null)
  const run = useRef(onRun)
  useEffect(() => {
    run.current = onRun
  }, [onRun])

  // The last failure's line: a marker (red squiggle, hover message) beside the type checker's own.
  useEffect(() => {
    const model = editor.current?.getModel()
    if (!model) return
    const markers = mark
      ? [
          {
            severity: monaco.MarkerSeverity.Error,
            message: mark.message,
            startLineNumber: mark.line,
            startColumn: mark.column ?? model.getLineFirstNonWhitespaceColumn(mark.line) ?? 1,
            endLineNumber: mark.line,
            endColumn: model.getLineMaxColumn(Math.min(mark.line, model.getLineCount())),
          },
        ]
      : []
    monaco.editor.setModelMarkers(model, 'run', markers)
    if (mark) editor.current?.revealLineInCenterIfOutsideViewport(mark.line)
  }, [mark, value])

  const onMount: OnMount = (instance) => {
    editor.current = instance
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => run.current?.())
    // Typing began in the textarea that stood in: carry on where it left off.
    const model = instance.getModel()
    if (handoff?.current.focused && model) {
      instance.setPosition(model.getPositionAt(handoff.current.offset))
      instance.focus()
    }
    onReady?.()
  }

  return (
    <div className="code-editor" style={height ? { height } : undefined}>
      <MonacoEditor
        height="100%"
        defaultLanguage="typescript"
        path={`file:///code-${id}.ts`}
        theme={theme === 'dark' ? THEMES.dark : THEMES.light}
        value={value}
        onChange={(v) => onChange(v ?? '')}
        onMount={onMount}
        loading={<div className="code-editor__loading">Loading the editor…</div>}
        options={{
          ...OPTIONS,
          ...text,
          ...(visibleScrollbars
            ? { scrollbar: { ...OPTIONS.scrollbar, horizontal: 'visible', vertical: 'auto' } }
            : {}),
          // The playground's lines wrap, indented under their start, rather than scroll sideways.
          ...(wrap ? { wordWrap: 'on', wrappingIndent: 'indent' } : {}),
          readOnly,
          ariaLabel: label,
        }}
      />
    </div>
  )
}
