import { useEffect } from 'react'
import { Link } from '../site/Link.tsx'
import { ScenarioList } from '../site/ScenarioList.tsx'
import { SiteHeader } from '../site/SiteHeader.tsx'

/**
 * `/play/<id>` for an id that names no scenario: says so, and lists the scenarios there are, rather
 * than quietly showing another one.
 */
export function UnknownScenario({ id }: { id: string }) {
  useEffect(() => {
    document.title = 'No such scenario · Playground · Fanout'
  }, [])
  return (
    <>
      <SiteHeader current="play" />
      <main className="home" id="main">
        <h1>No such scenario</h1>
        <p>
          There is no scenario called “<code>{id}</code>”. These are the ones there are; the{' '}
          <Link to="/play">playground</Link> opens with the first.
        </p>
        <ScenarioList heading="Scenarios" />
      </main>
    </>
  )
}
