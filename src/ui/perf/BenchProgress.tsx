import { useEffect, useState } from 'react'

/**
 * How far a bench run has got: a bar of its steps, which step of how many, the ones done, and the time
 * it has taken, ticking each second (a step can take a while, and a page that seems stuck gets closed).
 * The step running now is in the page's status line, which screen readers hear.
 */
export function BenchProgress({
  log,
  steps,
  started,
}: {
  log: readonly string[]
  steps: number
  started: number
}) {
  const [now, setNow] = useState(() => performance.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const done = Math.max(0, log.length - 1)
  const seconds = Math.max(0, Math.round((now - started) / 1000))
  return (
    <div className="bench__progress" data-testid="bench-progress">
      <progress
        max={steps}
        value={Math.min(done, steps)}
        aria-label={`Benchmark progress: ${done} of ${steps} steps done`}
      />
      <p aria-hidden="true">
        Step {Math.min(log.length, steps) || 1} of {steps} · {seconds} s
      </p>
      {done > 0 ? (
        <ol className="bench__steps">
          {log.slice(0, -1).map((line, i) => (
            <li key={i}>✓ {line}</li>
          ))}
        </ol>
      ) : null}
    </div>
  )
}
