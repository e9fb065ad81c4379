import {
  lazy,
  Suspense,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type SyntheticEvent,
} from 'react'
import FallbackEditor from './FallbackEditor.tsx'
import type { EditorProps, Handoff } from './types.ts'

// Monaco (and its workers) load only when an editor is on screen on a desktop.
const CodeEditor = lazy(() => import('./CodeEditor.tsx'))

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
 * first graph and animation (nor with a scenario building: see `busy`). Typing can start in the
 * textarea; the cursor moves over to Monaco. On phones and touch screens the textarea stays.
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
  const [rich, setRich] = useState(false)
  const handoff = useRef<Handoff>({ focused: false, offset: 0 })

  useEffect(() => {
    if (plain || rich || !whenIdle || busy) return
    let idle = 0
    const timer = setTimeout(() => {
      idle = requestIdleCallback(() => setRich(true), { timeout: IDLE_LOAD_MS })
    }, IDLE_LOAD_MS)
    return () => {
      clearTimeout(timer)
      cancelIdleCallback(idle)
    }
  }, [plain, rich, whenIdle, busy])

  const track = (e: SyntheticEvent) => {
    const el = e.target
    if (el instanceof HTMLTextAreaElement) {
      handoff.current = { focused: document.activeElement === el, offset: el.selectionStart }
    }
  }
  const want = () => setRich(true)
  const fallback = <FallbackEditor {...props} />
  return (
    <div
      className="editor-slot"
      onPointerEnter={plain ? undefined : want}
      onFocusCapture={(e) => (track(e), plain || want())}
      onBlurCapture={() => (handoff.current = { ...handoff.current, focused: false })}
      onSelectCapture={track}
      onKeyUpCapture={track}
      onInputCapture={track}
    >
      {plain || !rich ? (
        fallback
      ) : (
        <Suspense fallback={fallback}>
          <CodeEditor {...props} handoff={handoff} />
        </Suspense>
      )}
    </div>
  )
}
