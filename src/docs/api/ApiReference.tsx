import generated from 'virtual:fanout-api'
import { Fragment } from 'react'
import { DocLink } from '../layout/DocLink.tsx'
import { CodeSnippet } from '../live/CodeSnippet.tsx'
import type { ApiEntry, ApiKind, ApiModel, DocPart } from './types.ts'
import './api.css'

// scripts/docs/apiReference.ts builds it from these very types.
const api = generated as ApiModel

const SECTIONS: readonly { kind: ApiKind; title: string }[] = [
  { kind: 'function', title: 'Functions' },
  { kind: 'class', title: 'Classes' },
  { kind: 'interface', title: 'Interfaces' },
  { kind: 'type', title: 'Types' },
  { kind: 'constant', title: 'Constants' },
]

/** Every name the engine exports, from its TSDoc (read by TypeDoc when the site was built). */
export function ApiReference() {
  return (
    <>
      <nav className="api-index" aria-label="Every exported name">
        {SECTIONS.map(({ kind, title }) => (
          <div key={kind}>
            <p className="api-index__title">{title}</p>
            <ul>
              {api.entries
                .filter((e) => e.kind === kind)
                .map((e) => (
                  <li key={e.name}>
                    <a href={`#${e.name}`}>
                      <code>{e.name}</code>
                    </a>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </nav>
      {SECTIONS.map(({ kind, title }) => (
        <Fragment key={kind}>
          <h2 id={`${kind}s`}>{title}</h2>
          {api.entries
            .filter((e) => e.kind === kind)
            .map((e) => (
              <Entry key={e.name} entry={e} />
            ))}
        </Fragment>
      ))}
    </>
  )
}

function Entry({ entry }: { entry: ApiEntry }) {
  return (
    <section className="api-entry" aria-labelledby={entry.name}>
      <h3 id={entry.name}>
        <code>{entry.name}</code>{' '}
        <span className={`api-kind api-kind--${entry.kind}`}>{entry.kind}</span>
        <a className="heading-anchor" href={`#${entry.name}`} aria-label={`Link to ${entry.name}`}>
          #
        </a>
      </h3>
      {entry.summary.length > 0 && (
        <p>
          <Prose parts={entry.summary} />
        </p>
      )}
      <CodeSnippet code={entry.signatures.join('\n')} />
      {entry.members.length > 0 && (
        <dl className="api-members">
          {entry.members.map((m, i) => (
            <div key={`${m.name}-${i}`} id={`${entry.name}.${m.name}`} className="api-member">
              <dt>
                <code>{m.signature}</code>
              </dt>
              {m.summary.length > 0 && (
                <dd>
                  <Prose parts={m.summary} />
                </dd>
              )}
            </div>
          ))}
        </dl>
      )}
      {entry.examples.map((code, i) => (
        <Fragment key={i}>
          <p className="api-example">Example</p>
          <CodeSnippet code={code} />
        </Fragment>
      ))}
      {entry.source && <p className="api-source">Declared in {entry.source}</p>}
    </section>
  )
}

function Prose({ parts }: { parts: readonly DocPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        'code' in p ? (
          <code key={i}>{p.code}</code>
        ) : 'link' in p ? (
          p.target ? (
            <a key={i} href={`#${p.target}`}>
              <code>{p.link}</code>
            </a>
          ) : (
            <code key={i}>{p.link}</code>
          )
        ) : (
          <Fragment key={i}>
            <TextWithLinks text={p.text} />
          </Fragment>
        ),
      )}
    </>
  )
}

/** TSDoc prose with Markdown links to docs pages (`[Intents](/docs/intents)`) as links. */
function TextWithLinks({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]+\]\(\/[^)\s]*\))/)
  return (
    <>
      {parts.map((part, i) => {
        const m = /^\[([^\]]+)\]\((\/[^)\s]*)\)$/.exec(part)
        return m ? (
          <DocLink key={i} href={m[2]}>
            {m[1]}
          </DocLink>
        ) : (
          part
        )
      })}
    </>
  )
}
