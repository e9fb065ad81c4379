import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import type { BackendName } from '../../engine/index.ts'
import { BACKEND_REFERENCE } from '../../reference/reference.ts'
import { BACKEND_NAMES } from '../../store/engineValues.ts'
import '../graph/nodes.css'
import './BackendReference.css'

/** One backend's card: its key, what it keeps, who receives, what it checks and ignores. */
export function BackendCard({ backend, current }: { backend: BackendName; current?: boolean }) {
  const ref = BACKEND_REFERENCE[backend]
  return (
    <article
      className={`backend-card backend-${backend}${current ? ' is-current' : ''}`}
      aria-labelledby={`backend-card-${backend}`}
      data-backend={backend}
    >
      <h3 id={`backend-card-${backend}`}>
        <span className="backend-pill">{backend}</span>
        <code>{ref.keyFormat}</code>
      </h3>
      <dl>
        <dt>Key</dt>
        <dd>{ref.key}</dd>
        <dt>Keeps</dt>
        <dd>{ref.keeps}</dd>
        <dt>Who receives</dt>
        <dd>{ref.receives}</dd>
        <dt>Checks</dt>
        <dd>{ref.checks}</dd>
        <dt>Ignores</dt>
        <dd>{ref.ignores}</dd>
      </dl>
    </article>
  )
}

/**
 * A button that opens the backend reference, the card to keep at hand: every backend at a glance, the
 * one asked about (`focus`) first in view. A modal `<dialog>`, mounted only while open: focus moves in,
 * Escape or ✕ closes it and focus returns to the button.
 */
export function BackendReferenceButton({
  focus,
  className = 'link-button',
  children,
}: {
  focus?: BackendName
  className?: string
  children: ReactNode
}) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
      >
        {children}
      </button>
      {open && <BackendReferenceDialog focus={focus} onClose={() => setOpen(false)} />}
    </>
  )
}

function BackendReferenceDialog({
  focus,
  onClose,
}: {
  focus: BackendName | undefined
  onClose: () => void
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const title = useId()
  useEffect(() => {
    const d = dialog.current
    if (!d) return
    d.showModal()
    if (focus) d.querySelector(`[data-backend="${focus}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [focus])
  return (
    <dialog ref={dialog} className="backend-reference" aria-labelledby={title} onClose={onClose}>
      <header className="backend-reference__head">
        <h2 id={title}>Backends at a glance</h2>
        {/* Not a <form method="dialog">: the button may sit inside a form (the composer). */}
        <button
          type="button"
          className="icon-button"
          onClick={() => dialog.current?.close()}
          aria-label="Close the backend reference"
        >
          ✕
        </button>
      </header>
      <p className="panel__hint">
        <code>dispatch(backend, key, type, payload)</code> hands the event to one backend; each
        decides who receives it. Checks run in this order, the first failing one naming the skip:
        filter, shard, intents, permission, then the send itself.
      </p>
      <div className="backend-reference__cards">
        {BACKEND_NAMES.map((b) => (
          <BackendCard key={b} backend={b} current={b === focus} />
        ))}
      </div>
    </dialog>
  )
}
