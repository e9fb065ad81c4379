import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import './Tabs.css'

export interface Tab {
  readonly id: string
  readonly title: string
  readonly content: ReactNode
  /** Stays mounted (hidden) while another tab is shown, whatever the tabs' `keepMounted`. */
  readonly keepMounted?: boolean
}

/**
 * Accessible tabs (WAI-ARIA pattern): arrow keys, Home and End move between tabs, Tab moves into the
 * panel. Uncontrolled by default; with `current` and `onChange` the parent chooses (a skip link opens a
 * pane). `keepMounted` hides the other panels instead of unmounting them, so an editor or a graph keeps
 * its state while another pane is shown.
 */
export function Tabs({
  label,
  tabs,
  current: controlled,
  onChange,
  keepMounted = false,
  className = '',
}: {
  label: string
  tabs: readonly Tab[]
  current?: string
  onChange?: (id: string) => void
  keepMounted?: boolean
  className?: string
}) {
  const [own, setOwn] = useState(tabs[0]?.id ?? '')
  const current = controlled ?? own
  const choose = (id: string) => {
    setOwn(id)
    onChange?.(id)
  }
  const base = useId()
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    }
    const next = moves[e.key]
    if (next === undefined) return
    e.preventDefault()
    const i = (next + tabs.length) % tabs.length
    choose(tabs[i]?.id ?? '')
    refs.current[i]?.focus()
  }
  return (
    <div className={`tabs ${className}`.trim()}>
      <div role="tablist" aria-label={label} className="tabs__list">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={current === t.id}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={current === t.id ? 0 : -1}
            onClick={() => choose(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.title}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${base}-panel-${t.id}`}
          aria-labelledby={`${base}-tab-${t.id}`}
          hidden={current !== t.id}
          className="tabs__panel"
          data-tab={t.id}
        >
          {(keepMounted || t.keepMounted || current === t.id) && t.content}
        </div>
      ))}
    </div>
  )
}
