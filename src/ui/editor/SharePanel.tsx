import { useState } from 'react'
import { scenarioById } from '../../scenarios/index.ts'
import { usePlaygroundStoreApi } from '../../store/PlaygroundProvider.tsx'
import { ShareLinkError } from '../../store/share.ts'
import { hrefOf } from '../site/paths.ts'

/**
 * Copy link: the code, the scenario, the seed and the timeline up to its end, with the cursor, in the
 * address's `#run=` part. The link is always shown in the Share link field, so it can be copied by hand
 * where the clipboard is unavailable or refused. The reader presses Run themselves: shared code never
 * runs by itself.
 */
export function SharePanel() {
  const store = usePlaygroundStoreApi()
  const [link, setLink] = useState('')
  const [status, setStatus] = useState('')

  async function copy() {
    const state = store.getState()
    const { scenario } = state
    if (!scenario || !scenarioById(scenario.id)) return
    let url: string
    try {
      url = `${window.location.origin}${hrefOf(state.linkPath())}`
    } catch (error) {
      if (!(error instanceof ShareLinkError)) throw error
      setLink('')
      setStatus(`No link: ${error.message}.`)
      return
    }
    setLink(url)
    try {
      await navigator.clipboard.writeText(url)
      setStatus('Copied.')
    } catch {
      setStatus('The clipboard is not available here: select the link and copy it.')
    }
  }

  return (
    <div className="share">
      <button type="button" className="button button--small" onClick={() => void copy()}>
        Copy link
      </button>
      <input
        className="share__link"
        type="text"
        readOnly
        aria-label="Share link"
        placeholder="Copy link puts a link to this code and timeline here"
        value={link}
        onFocus={(e) => e.currentTarget.select()}
      />
      <span className="share__status" role="status">
        {status}
      </span>
    </div>
  )
}
