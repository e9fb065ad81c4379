import { useEffect, useMemo, useRef, useState } from 'react'
import { applyOps, type ClientCopy, type ListOp } from '../../store/engineValues.ts'
import {
  createMemberListDemo,
  DEMO_ACTIONS,
  itemLabel,
  VIEWERS,
  type DemoAction,
  type ViewerUpdate,
} from '../model/memberListDemo.ts'
import { usePrefersReducedMotion } from '../../ui/graph/usePrefersReducedMotion.ts'
import './memberList.css'

const OP_MS = 900

interface Shown {
  readonly label: string
  /** Copies before the change. */
  readonly before: readonly ClientCopy[]
  readonly updates: readonly ViewerUpdate[]
}

/**
 * Two clients' copies of #general's member list, side by side with their windows, and the ops each was
 * sent for a change, applied one at a time so you can watch the copy move.
 */
export default function MemberListDemo() {
  const [demo, setDemo] = useState(createMemberListDemo)
  const [shown, setShown] = useState<Shown>(() => {
    const updates = demo.state()
    return { label: 'op 14: each asks for its window', before: VIEWERS.map(() => []), updates }
  })
  const [applied, setApplied] = useState(0)
  const reduced = usePrefersReducedMotion()
  const longest = Math.max(...shown.updates.map((u) => u.ops.length))
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useEffect(() => {
    // One tick per op, plus one so that a last DELETE (shown before it applies) is seen applied.
    if (applied > longest) return
    timer.current = setTimeout(() => setApplied((n) => n + 1), reduced ? 0 : OP_MS)
    return () => {
      if (timer.current) clearTimeout(timer.current)
    }
  }, [applied, longest, reduced])

  const run = (action: DemoAction) => {
    const before = shown.updates.map((u) => u.copy)
    setShown({ label: action.label, before, updates: demo.run(action) })
    setApplied(0)
  }
  const reset = () => {
    const fresh = createMemberListDemo()
    setDemo(() => fresh)
    setShown({
      label: 'op 14: each asks for its window',
      before: VIEWERS.map(() => []),
      updates: fresh.state(),
    })
    setApplied(0)
  }
  return (
    <section className="member-demo" aria-label="Member list demo">
      <div className="member-demo__actions" role="group" aria-label="Change something">
        {DEMO_ACTIONS.map((a) => (
          <button key={a.id} type="button" className="button try-button" onClick={() => run(a)}>
            <span aria-hidden="true">▶</span> {a.label}
          </button>
        ))}
        <button type="button" className="button" onClick={reset}>
          Reset
        </button>
      </div>
      <p className="member-demo__now" aria-live="polite">
        <strong>{shown.label}</strong>
        {applied <= longest && longest > 0 ? ` — op ${Math.max(applied, 1)} of ${longest}` : ''}
      </p>
      <div className="member-demo__columns">
        {VIEWERS.map((viewer, i) => (
          <ViewerColumn
            key={viewer.name}
            name={viewer.name}
            before={shown.before[i] ?? []}
            update={shown.updates[i]}
            applied={applied}
          />
        ))}
      </div>
    </section>
  )
}

function ViewerColumn({
  name,
  before,
  update,
  applied,
}: {
  name: string
  before: ClientCopy
  update: ViewerUpdate | undefined
  applied: number
}) {
  const ops = useMemo(() => update?.ops ?? [], [update])
  const ranges = update?.ranges ?? []
  const current = applied > 0 ? ops[applied - 1] : undefined
  // A DELETE is lit on the row it removes, then applied on the next tick.
  const upTo = current?.op === 'DELETE' ? applied - 1 : applied
  const copy = useMemo(() => applyOps([...before], ops.slice(0, upTo)), [before, ops, upTo])
  const rows = copy.length
  const inRange = (i: number) => ranges.some(([s, e]) => i >= s && i <= e)
  return (
    <div className="member-demo__viewer" data-testid={`copy-${name}`}>
      <h3 className="member-demo__name">
        {name}’s copy{' '}
        <span className="muted">
          holds {ranges.map(([s, e]) => `${s}–${e}`).join(', ') || 'nothing'}
        </span>
      </h3>
      <ol className="member-copy" start={0} aria-label={`${name}'s copy of the list`}>
        {Array.from({ length: rows }, (_, i) => {
          const item = copy[i]
          const mark = touched(current, i)
          return (
            <li
              key={i}
              className={[
                inRange(i) ? 'in-window' : 'out-of-window',
                item === undefined ? 'is-empty' : item && 'group' in item ? 'is-header' : '',
                mark ? `op-${mark}` : '',
              ].join(' ')}
            >
              <span className="member-copy__index">{i}</span>
              <span className="member-copy__item">
                {item === undefined ? '—' : itemLabel(item)}
              </span>
            </li>
          )
        })}
      </ol>
      <ol className="member-ops" aria-label={`Ops sent to ${name}`}>
        {ops.length === 0 && (
          <li className="muted">nothing sent: the change is not in its window</li>
        )}
        {ops.map((op, k) => (
          <li key={k} className={k === applied - 1 ? 'is-current' : k < applied ? 'is-done' : ''}>
            <code>{describeOp(op)}</code>
          </li>
        ))}
      </ol>
    </div>
  )
}

/** Which op (lower-case) touched row `i`, for its highlight. */
function touched(op: ListOp | undefined, i: number): string | null {
  if (!op) return null
  switch (op.op) {
    case 'SYNC':
    case 'INVALIDATE':
      return i >= op.range[0] && i <= op.range[1] ? op.op.toLowerCase() : null
    case 'DELETE':
      return i === op.index ? 'delete' : null
    default:
      return i === op.index ? op.op.toLowerCase() : null
  }
}

function describeOp(op: ListOp): string {
  switch (op.op) {
    case 'SYNC':
      return `SYNC ${op.range[0]}–${op.range[1]} (${op.items.length} items)`
    case 'INVALIDATE':
      return `INVALIDATE ${op.range[0]}–${op.range[1]}`
    case 'DELETE':
      return `DELETE ${op.index}`
    default:
      return `${op.op} ${op.index} ${itemLabel(op.item)}`
  }
}
