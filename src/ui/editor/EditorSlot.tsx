import { lazy, Suspense, useSyncExternalStore } from 'react'
import FallbackEditor from './FallbackEditor.tsx'
import type { EditorProps } from './types.ts'

// Monaco (and its workers) load only when an editor is on screen on a desktop.
const CodeEditor = lazy(() => import('./CodeEditor.tsx'))

/** Phones and touch screens get the textarea: Monaco does not support them (monaco-editor#246). */
const PLAIN_QUERY = '(max-width: 760px), (pointer: coarse)'

function subscribe(onChange: () => void) {
  const query = window.matchMedia(PLAIN_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}
const wantsPlain = () => window.matchMedia(PLAIN_QUERY).matches

/**
 * The editor to embed anywhere: Monaco, loaded lazily, or the textarea where Monaco does not fit. The
 * textarea also stands in while Monaco loads, so typing can start at once.
 */
export function EditorSlot(props: EditorProps) {
  const plain = useSyncExternalStore(subscribe, wantsPlain, () => true)
  if (plain) return <FallbackEditor {...props} />
  return (
    <Suspense fallback={<FallbackEditor {...props} />}>
      <CodeEditor {...props} />
    </Suspense>
  )
}
