import {
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ComponentType,
  type SyntheticEvent,
} from 'react'
import FallbackEditor from './FallbackEditor.tsx'
import type { EditorProps, Handoff } from './types.ts'

type RichEditor = ComponentType<
  EditorProps & { handoff?: { readonly current: Handoff }; onReady?: () => void }
>

// Monaco (and its workers) load only when an editor is on screen on a desktop.
const loadCodeEditor = () => import('./CodeEditor.tsx').then((m) => m.default as RichEditor)

/** Phones and touch screens get the textarea: Monaco does not support them (monaco-editor#246). */
const PLAIN_QUERY = '(max-width: 760px), (pointer: coarse)'
/** Without a pointer or focus on the editor, Monaco still loads once the page has been quiet this long. */
const IDLE_LOAD_MS = 4_000

function subscribe(onChange: () => void) {
  const query = window.matchMedia(PLAIN_QUERY)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}
const wantsPlain = () => window.matchMedia(PLAIN_QUERY).matches

/**
 * The editor to embed anywhere: the textarea at once, upgraded to Monaco when the user points at or
 * focuses it, or when the page has been idle a while, so Monaco's megabytes never compete with the
 * first graph and animation (nor with a scenario building: see `busy`). Nothing typed is lost: the
 * same textarea stays, and takes keystrokes, until Monaco has mounted with everything typed so far
 * (the store holds it) and the caret where it was; a note says the editor is loading meanwhile. On
 * phones and touch screens the textarea stays.
 */
export function EditorSlot({
  whenIdle = true,
  busy = false,
  ...props
}: EditorProps & {
  /**
   * Upgrade to Monaco once the page is idle (the playground). False on docs pages: Monaco loads only
   * when the reader points at or focuses the editor, so reading a page never fetches its megabytes.
   */
  whenIdle?: boolean
  /**
   * The page is busy (a big scenario building in slices): the idle upgrade waits until it is not, since
   * evaluating Monaco's megabytes is one long task. Pointing at or focusing the editor still loads it.
   */
  busy?: boolean
}) {
  const plain = useSyncExternalStore(subscribe, wantsPlain, () => true)
  const [wanted, setWanted] = useState(false)
  const [Rich, setRich] = useState<RichEditor | null>(null)
  const [ready, setReady] = useState(false)
  const [failed, setFailed] = useState(false)
  const handoff = useRef<Handoff>({ focused: false, offset: 0 })

  useEffect(() => {
    if (plain || wanted || !whenIdle || busy) return
    let idle = 0
    const timer = setTimeout(() => {
      idle = requestIdleCallback(() => setWanted(true), { timeout: IDLE_LOAD_MS })
    }, IDLE_LOAD_MS)
    return () => {
      clearTimeout(timer)
      cancelIdleCallback(idle)
    }
  }, [plain, wanted, whenIdle, busy])

  useEffect(() => {
    if (plain || !wanted || Rich) return
    let live = true
    loadCodeEditor().then(
      (editor) => live && setRich(() => editor),
      () => live && setFailed(true),
    )
    return () => {
      live = false
    }
  }, [plain, wanted, Rich])

  const track = (e: SyntheticEvent) => {
    const el = e.target
    if (el instanceof HTMLTextAreaElement) {
      handoff.current = { focused: document.activeElement === el, offset: el.selectionStart }
    }
  }
  const want = () => setWanted(true)
  const rich = !plain && Rich !== null
  // The textarea stays (on top) until Monaco is mounted: typing goes on in it meanwhile.
  const textarea = plain || !ready
  const loading = !plain && wanted && !ready && !failed
  return (
    <div
      className={`editor-slot${rich && !ready ? ' editor-slot--handing-over' : ''}`}
      onPointerEnter={plain ? undefined : want}
      onFocusCapture={(e) => (track(e), plain || want())}
      onBlurCapture={() => (handoff.current = { ...handoff.current, focused: false })}
      onSelectCapture={track}
      onKeyUpCapture={track}
      onInputCapture={track}
    >
      {rich && <Rich {...props} handoff={handoff} onReady={() => setReady(true)} />}
      {textarea && <FallbackEditor {...props} />}
      {loading && (
        <p className="editor-slot__loading" role="status">
          Loading the editor… type on: nothing is lost.
        </p>
      )}
      {failed && (
        <p className="editor-slot__loading" role="status">
          The full editor could not load; this plain one works the same.
        </p>
      )}
    </div>
  )
}
