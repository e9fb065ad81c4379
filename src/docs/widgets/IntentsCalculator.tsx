import { useId, useMemo, useState } from 'react'
import { ALL_INTENT_BITS, INTENTS } from '../../store/engineTables.ts'
import { eventRows, intentsExpression, parseIntents } from '../model/intents.ts'
import './calculators.css'

const GUILDS_AND_MESSAGES = 1 | (1 << 9)
const NON_PRIVILEGED = INTENTS.filter((i) => !i.privileged).reduce((a, i) => a | i.bit, 0)

type Show = 'all' | 'received' | 'missed'

/** Tick intents, read the bitfield, see which gated events a session with it receives. */
export function IntentsCalculator() {
  const [bits, setBits] = useState(GUILDS_AND_MESSAGES)
  const [typed, setTyped] = useState<string | null>(null)
  const [show, setShow] = useState<Show>('all')
  const parsed = typed === null ? null : parseIntents(typed)
  const rows = useMemo(() => eventRows(bits), [bits])
  const visible = rows.filter((r) =>
    show === 'all' ? true : (r.inGuild || r.inDm === true) === (show === 'received'),
  )
  const valueId = useId()
  const errorId = useId()
  const toggle = (bit: number) => {
    setBits((b) => b ^ bit)
    setTyped(null)
  }
  return (
    <section className="calculator" aria-label="Intents calculator">
      <fieldset className="intent-grid">
        <legend>Intents</legend>
        {INTENTS.map((i) => (
          <label key={i.name} className="intent-grid__item">
            <input type="checkbox" checked={(bits & i.bit) !== 0} onChange={() => toggle(i.bit)} />
            <span className="intent-grid__name">{i.name}</span>
            <span className="intent-grid__bit">{i.bit}</span>
            {i.privileged && <span className="privileged">privileged</span>}
          </label>
        ))}
      </fieldset>
      <div className="calculator__presets" role="group" aria-label="Presets">
        <button type="button" className="chip-button" onClick={() => setBits(0)}>
          None
        </button>
        <button type="button" className="chip-button" onClick={() => setBits(GUILDS_AND_MESSAGES)}>
          GUILDS + GUILD_MESSAGES
        </button>
        <button type="button" className="chip-button" onClick={() => setBits(NON_PRIVILEGED)}>
          Every non-privileged intent
        </button>
        <button type="button" className="chip-button" onClick={() => setBits(ALL_INTENT_BITS)}>
          All
        </button>
      </div>
      <div className="calculator__inputs">
        <label className="calculator__field" htmlFor={valueId}>
          <span>Bitfield (IDENTIFY&apos;s intents)</span>
          <input
            id={valueId}
            inputMode="numeric"
            value={typed ?? String(bits)}
            onChange={(e) => {
              setTyped(e.target.value)
              const p = parseIntents(e.target.value)
              if (p.ok) setBits(p.bits)
            }}
            onBlur={() => setTyped(null)}
            aria-invalid={parsed !== null && !parsed.ok}
            aria-describedby={parsed !== null && !parsed.ok ? errorId : undefined}
            data-testid="intents-value"
          />
        </label>
        <p className="calculator__expression">
          <code data-testid="intents-expression">{intentsExpression(bits)}</code>
          <span className="muted"> = 0x{bits.toString(16)}</span>
        </p>
      </div>
      {parsed !== null && !parsed.ok && (
        <p className="calculator__error" id={errorId} role="alert">
          {parsed.error}
        </p>
      )}
      <div className="calculator__presets" role="radiogroup" aria-label="Show events">
        {(['all', 'received', 'missed'] as const).map((s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={show === s}
            className="chip-button"
            onClick={() => setShow(s)}
          >
            {s === 'all' ? 'All gated events' : s === 'received' ? 'Received' : 'Not received'}
          </button>
        ))}
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Gated events">
        <table className="intent-events" data-testid="intent-events">
          <thead>
            <tr>
              <th>event</th>
              <th>in a guild</th>
              <th>in a DM</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <tr key={r.event}>
                <td>
                  <code>{r.event}</code>
                </td>
                <td className={r.inGuild ? 'is-yes' : 'is-no'}>
                  {r.inGuild ? '✓' : '✕'} <span className="muted">{r.guildIntent}</span>
                </td>
                <td className={r.inDm === null ? '' : r.inDm ? 'is-yes' : 'is-no'}>
                  {r.inDm === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <>
                      {r.inDm ? '✓' : '✕'} <span className="muted">{r.dmIntent}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="calculator__note">
        {rows.filter((r) => r.inGuild).length} of {rows.length} gated events reach a guild session
        with these intents. Every event not listed (<code>READY</code>, <code>RESUMED</code>,{' '}
        <code>USER_UPDATE</code>, <code>GUILD_MEMBER_LIST_UPDATE</code>…) is always sent.
      </p>
    </section>
  )
}
