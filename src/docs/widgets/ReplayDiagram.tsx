import './widgets.css'

const FRAMES = [
  [1, 'MESSAGE_CREATE'],
  [2, 'PRESENCE_UPDATE'],
  [3, 'TYPING_START'],
  [4, 'MESSAGE_UPDATE'],
  [5, 'PRESENCE_UPDATE'],
  [6, 'MESSAGE_DELETE'],
] as const

type Fate = 'seen' | 'replayed' | 'again' | 'folded' | 'lost'

const ROWS: readonly { who: string; fates: readonly Fate[]; resumed: string }[] = [
  {
    who: 'This engine',
    fates: ['seen', 'seen', 'seen', 'replayed', 'replayed', 'replayed'],
    resumed: 'RESUMED s = 7',
  },
  {
    who: 'litecord',
    fates: ['seen', 'seen', 'again', 'replayed', 'folded', 'lost'],
    resumed: 'RESUMED s = 6 (a repeat)',
  },
]

const TEXT: Record<Fate, string> = {
  seen: 'the client has it',
  replayed: 'replayed',
  again: 'sent a second time',
  folded: 'folded into PRESENCE_REPLACE',
  lost: 'never sent',
}

/**
 * docs/design/litecord-notes.md example 8, drawn: the client saw up to s = 3 and resumes; what each
 * server sends back.
 */
export function ReplayDiagram() {
  return (
    <figure className="replay-diagram">
      <div
        className="replay-diagram__grid"
        role="table"
        aria-label="RESUME with seq 3: what is sent"
        tabIndex={0}
      >
        <div role="row" className="replay-diagram__row replay-diagram__row--head">
          <span role="columnheader">server</span>
          {FRAMES.map(([s, t]) => (
            <span role="columnheader" key={s}>
              <strong>s = {s}</strong>
              <small>{t}</small>
            </span>
          ))}
          <span role="columnheader">then</span>
        </div>
        {ROWS.map((row) => (
          <div role="row" className="replay-diagram__row" key={row.who}>
            <span role="rowheader" className="replay-diagram__who">
              {row.who}
            </span>
            {row.fates.map((fate, i) => (
              <span role="cell" key={i} className={`fate fate--${fate}`}>
                {TEXT[fate]}
              </span>
            ))}
            <span role="cell" className="replay-diagram__resumed">
              {row.resumed}
            </span>
          </div>
        ))}
      </div>
      <figcaption>
        The client last saw <code>s = 3</code> and sends <code>RESUME</code> with{' '}
        <code>seq: 3</code>. The exact replay set is every frame with <code>s &gt; 3</code>, once
        each, in order.
      </figcaption>
    </figure>
  )
}
