import { useId, useRef } from 'react'
import { scenarioById } from '../../scenarios/index.ts'
import { usePlaygroundStoreApi } from '../../store/PlaygroundProvider.tsx'
import { useActions, useScenario } from '../../store/hooks.ts'
import { RUN_LIMITS, runFileOf } from '../../store/runFile.ts'
import { download } from '../site/download.ts'
import { matchPlay, navigate } from '../site/router.ts'

/** Saves the timeline to a JSON file (calls, cursor, and a trace of every dispatch) and opens one back. */
export function RunFileButtons() {
  const store = usePlaygroundStoreApi()
  const scenario = useScenario()
  const { openRun } = useActions()
  const input = useRef<HTMLInputElement>(null)
  const inputId = useId()

  function save() {
    const { scenario, seed, steps, cursor } = store.getState()
    if (!scenario) return
    const json = JSON.stringify(runFileOf(scenario, seed, steps, cursor), null, 2)
    download(
      `fanout-${scenario.id}-step-${cursor}.json`,
      new Blob([json], { type: 'application/json' }),
    )
  }

  async function open(file: File) {
    // Reading at most one byte past the limit is enough for the refusal to say the file is too large.
    const text = await file.slice(0, RUN_LIMITS.bytes + 1).text()
    if (!openRun(text, scenarioById)) return
    const id = store.getState().scenario?.id
    if (id && matchPlay(window.location.pathname)?.scenarioId !== id) navigate(`/play/${id}`)
  }

  return (
    <div className="run-file">
      <button type="button" className="button button--small" onClick={save} disabled={!scenario}>
        Save run
      </button>
      <button type="button" className="button button--small" onClick={() => input.current?.click()}>
        Open run…
      </button>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Run file to open"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0]
          // Cleared so that choosing the same file again opens it again.
          e.currentTarget.value = ''
          if (file) void open(file)
        }}
      />
    </div>
  )
}
