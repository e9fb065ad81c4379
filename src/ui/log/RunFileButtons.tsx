import { useRef } from 'react'
import { usePlaygroundStoreApi } from '../../store/PlaygroundProvider.tsx'
import { useScenario } from '../../store/hooks.ts'
import { download } from '../site/download.ts'
import { useOpenRunFile } from './useOpenRunFile.ts'

/**
 * Saves the timeline to a JSON file (calls, cursor, and a trace of every dispatch) and opens one back
 * (a file dropped anywhere on the playground opens too: RunFileDrop).
 */
export function RunFileButtons() {
  const store = usePlaygroundStoreApi()
  const scenario = useScenario()
  const open = useOpenRunFile()
  const input = useRef<HTMLInputElement>(null)

  function save() {
    const { scenario, cursor, runFile } = store.getState()
    const file = runFile()
    if (!scenario || !file) return
    const json = JSON.stringify(file, null, 2)
    download(
      `fanout-${scenario.id}-step-${cursor}.json`,
      new Blob([json], { type: 'application/json' }),
    )
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
