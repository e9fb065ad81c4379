import { GLOSSARY, type GlossaryTerm } from '../../reference/reference.ts'
import { BackendReferenceButton } from '../reference/BackendReference.tsx'
import './Legend.css'

/**
 * What the colours and marks mean (always with words: colour is never the only signal), the words the
 * playground uses, and the backend reference.
 */
export function Legend() {
  return (
    <details className="legend">
      <summary>Legend</summary>
      <ul>
        <li>
          <span className="swatch swatch--idle" aria-hidden="true" /> subscription (topic → session)
        </li>
        <li>
          <span className="swatch swatch--delivered" aria-hidden="true" /> ✓ delivered
        </li>
        <li>
          <span className="swatch swatch--buffered" aria-hidden="true" /> ‖ held: disconnected, in
          the resume buffer
        </li>
        <li>
          <span className="swatch swatch--skipped" aria-hidden="true" /> ✕ skipped, with the reason:
          shard, intents, permission, filter, send-failed, range (a member-list change outside the
          session’s ranges)
        </li>
        <li>
          <span className="swatch swatch--not" aria-hidden="true" /> – not subscribed: could have
          got it, has no edge
        </li>
        <li>
          <span className="swatch swatch--transient" aria-hidden="true" /> dashed topic: member/user
          backends keep no list
        </li>
        <li>
          <span>
            <kbd>←</kbd> <kbd>→</kbd> step through time (<kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes a
            change, <kbd>Ctrl</kbd>+<kbd>Y</kbd> redoes it), <kbd>Space</kbd> plays and pauses
          </span>
        </li>
      </ul>
      <p className="legend__reference">
        <BackendReferenceButton>Backends at a glance</BackendReferenceButton>: key, who receives,
        what each checks
      </p>
      <h3 className="legend__heading">Words</h3>
      <dl className="legend__words">
        {(Object.keys(GLOSSARY) as GlossaryTerm[]).map((word) => (
          <div key={word}>
            <dt>{word}</dt>
            <dd>{GLOSSARY[word]}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
