import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import './Tabs.css'

/** Accessible tabs (WAI-ARIA pattern): arrow keys move between tabs, Tab moves into the panel. */
export function Tabs({
  label,
  tabs,
}: {
  label: string
  tabs: readonly { id: string; title: string; content: ReactNode }[]
}) {
  const [current, setCurrent] = useState(tabs[0]?.id ?? '')
  const base = useId()
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const next = e.key === 'ArrowRight' ? index + 1 : e.key === 'ArrowLeft' ? index - 1 : null
    if (next === null) return
    e.preventDefault()
    const i = (next + tabs.length) % tabs.length
    setCurrent(tabs[i]?.id ?? '')
    refs.current[i]?.focus()
  }
  return (
    <div className="tabs">
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
            onClick={() => setCurrent(t.id)}
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
        >
          {current === t.id && t.content}
        </div>
      ))}
    </div>
  )
}
