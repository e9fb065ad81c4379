import { useId, useState } from 'react'
import { shardAnswer, type ShardAnswer } from '../model/shard.ts'
import './calculators.css'

const PRESETS = [
  { id: '20971520', count: '2', label: '5 << 22, 2 shards' },
  { id: '16777216', count: '2', label: '4 << 22, 2 shards' },
  { id: '41771983423143937', count: '16', label: 'a real id, 16 shards' },
] as const

/** "Which shard serves this guild?": the formula worked through in BigInt, for any id and count. */
export function ShardCalculator() {
  const [id, setId] = useState('41771983423143937')
  const [count, setCount] = useState('16')
  const answer = shardAnswer(id, count)
  const idField = useId()
  const countField = useId()
  const errorId = useId()
  return (
    <section className="calculator" aria-label="Which shard serves this guild?">
      <div className="calculator__inputs">
        <label className="calculator__field calculator__field--wide" htmlFor={idField}>
          <span>Guild id</span>
          <input
            id={idField}
            value={id}
            inputMode="numeric"
            spellCheck={false}
            onChange={(e) => setId(e.target.value)}
            aria-invalid={!answer.ok && answer.error.startsWith('A guild id')}
            aria-describedby={answer.ok ? undefined : errorId}
          />
        </label>
        <label className="calculator__field" htmlFor={countField}>
          <span>Shards</span>
          <input
            id={countField}
            value={count}
            inputMode="numeric"
            onChange={(e) => setCount(e.target.value)}
            aria-invalid={!answer.ok && answer.error.startsWith('The number')}
            aria-describedby={answer.ok ? undefined : errorId}
          />
        </label>
      </div>
      <div className="calculator__presets" role="group" aria-label="Examples">
        {PRESETS.map((p) => (
          <button
            key={p.label}
            type="button"
            className="chip-button"
            aria-pressed={p.id === id.trim() && p.count === count.trim()}
            onClick={() => {
              setId(p.id)
              setCount(p.count)
            }}
          >
            {p.label}
          </button>
        ))}
      </div>
      {answer.ok ? (
        <Answer answer={answer} />
      ) : (
        <p className="calculator__error" id={errorId} role="alert">
          {answer.error}
        </p>
      )}
    </section>
  )
}

function Answer({ answer }: { answer: ShardAnswer }) {
  const { guildId, shardCount, base, shard, createdAt, naive, beyondNumber } = answer
  return (
    <div className="calculator__answer" aria-live="polite">
      <p className="calculator__result" data-testid="shard-result">
        Shard <strong>{shard}</strong> of {shardCount}
      </p>
      <ol className="calculator__working">
        <li>
          <code>
            {guildId} &gt;&gt; 22 = {base}
          </code>{' '}
          <span className="muted">
            (ms since 2015-01-01: created {createdAt.replace('T', ' ')})
          </span>
        </li>
        <li>
          <code>
            {base} % {shardCount} = {shard}
          </code>
        </li>
      </ol>
      {shardCount <= 64 && <ShardStrip count={shardCount} shard={shard} />}
      {(beyondNumber || naive !== shard) && (
        <p className="calculator__warning">
          Plain JavaScript gets this wrong: <code>(Number(id) &gt;&gt; 22) % {shardCount}</code>{' '}
          gives <strong>{naive}</strong>
          {beyondNumber
            ? ', because this id is above 2^53 (Number has already changed its last digits) and '
            : ', because '}
          <code>&gt;&gt;</code> works on 32-bit integers. Use <code>BigInt</code>:{' '}
          <code>Number((BigInt(id) &gt;&gt; 22n) % BigInt(n))</code>.
        </p>
      )}
    </div>
  )
}

function ShardStrip({ count, shard }: { count: number; shard: number }) {
  return (
    <ol className="shard-strip" aria-label={`Shards 0 to ${count - 1}; shard ${shard} serves it`}>
      {Array.from({ length: count }, (_, i) => (
        <li key={i} className={i === shard ? 'is-serving' : undefined} aria-hidden="true">
          {i}
        </li>
      ))}
    </ol>
  )
}
