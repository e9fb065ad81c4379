import { useId } from 'react'
import { SPEEDS } from '../../store/timing.ts'
import { useActions, useBaseline, useTimeline } from '../../store/hooks.ts'
import './TimelineBar.css'

/** Step back / play / step forward, the scrubber, the speed, and where we are. */
export function TimelineBar() {
  const { cursor, length, playing, speed, label } = useTimeline()
  const { stepBack, stepForward, togglePlay, seek, setSpeed } = useActions()
  const speedId = useId()
  const baseline = useBaseline()
  return (
    <div className="timeline" role="group" aria-label="Timeline controls">
      <div className="timeline__buttons">
        <button
          type="button"
          className="button"
          onClick={stepBack}
          disabled={cursor === 0}
          aria-keyshortcuts="ArrowLeft Control+Z Meta+Z"
        >
          <span aria-hidden="true">◀</span> Step back
        </button>
        <button
          type="button"
          className="button button--primary timeline__play"
          onClick={togglePlay}
          disabled={length === 0}
          aria-keyshortcuts="Space"
        >
          {playing ? (
            <>
              <span aria-hidden="true">❚❚</span> Pause
            </>
          ) : (
            <>
              <span aria-hidden="true">▶</span> Play
            </>
          )}
        </button>
        <button
          type="button"
          className="button"
          onClick={stepForward}
          disabled={cursor >= length}
          aria-keyshortcuts="ArrowRight Control+Shift+Z Control+Y Meta+Shift+Z"
        >
          Step forward <span aria-hidden="true">▶</span>
        </button>
      </div>
      <div className="timeline__scrub">
        {baseline && length > 0 && (
          // Where the compared step sits on the track (the thumb is 16 px wide: its centre's range).
          <span
            className="timeline__mark"
            title={`Compared with step ${baseline.step}`}
            aria-hidden="true"
            style={{ left: `calc(8px + (100% - 16px) * ${baseline.step / length})` }}
          />
        )}
        <input
          type="range"
          aria-label="Timeline"
          min={0}
          max={length}
          step={1}
          value={cursor}
          aria-valuetext={`Step ${cursor} of ${length}: ${label}`}
          onChange={(e) => seek(Number(e.currentTarget.value))}
        />
        <div className="timeline__label" aria-live="off">
          <span className="timeline__count">
            {cursor}/{length}
          </span>{' '}
          {label}
        </div>
      </div>
      <label className="timeline__speed" htmlFor={speedId}>
        Speed
        <select
          id={speedId}
          value={speed}
          onChange={(e) => setSpeed(Number(e.currentTarget.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
