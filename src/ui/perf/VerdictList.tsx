import type { Verdict } from '../../bench/index.ts'
import { formatNumber } from './resultsFile.ts'

const withUnit = (value: number, unit: string) =>
  unit === '×' ? `${formatNumber(value)}×` : `${formatNumber(value)} ${unit}`

/** The benchmark's goals, each met, missed or undecided, with its measured value and range. */
export function VerdictList({
  verdicts,
}: {
  verdicts: readonly (Omit<Verdict, 'id'> & { readonly id: string })[]
}) {
  return (
    <ul className="verdicts">
      {verdicts.map((v) => {
        const state = v.met === null ? 'open' : v.met ? 'met' : 'missed'
        return (
          <li key={v.id} className={`verdict verdict--${state}`}>
            <span className="verdict__mark">
              {state === 'met' ? '✓ met' : state === 'missed' ? '✗ missed' : '– not decided'}
            </span>
            <span className="verdict__title">{v.title}</span>
            <span className="verdict__value">
              {v.value === null ? 'not measured here' : withUnit(v.value, v.unit)} (goal ≤{' '}
              {withUnit(v.limit, v.unit)})
              {v.min !== null && v.max !== null
                ? `; rounds ranged ${formatNumber(v.min)}–${formatNumber(v.max)}`
                : ''}
            </span>
            {v.note && v.value !== null ? <span className="verdict__note">{v.note}</span> : null}
          </li>
        )
      })}
    </ul>
  )
}
