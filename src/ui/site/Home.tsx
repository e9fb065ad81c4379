import { useEffect } from 'react'
import { Link } from './Link.tsx'
import { ScenarioList } from './ScenarioList.tsx'
import { SiteHeader } from './SiteHeader.tsx'

/** The landing page: what this is, in two paragraphs, and the ways in (the playground, each scenario). */
export function Home() {
  useEffect(() => {
    document.title = 'Fanout — how a gateway fans events out'
  }, [])
  return (
    <>
      <SiteHeader current="home" />
      <main className="home" id="main">
        <p className="home__eyebrow">An interactive model of a chat gateway</p>
        <h1>Fanout</h1>
        <p className="home__lead">
          When something happens in a Discord-style guild, the gateway must decide which of
          thousands of open connections hear about it. Fanout re-implements that machinery,
          litecord&apos;s pub/sub <code>EventDispatcher</code> and its six backends (guild, channel,
          member, user, friend and the lazy member list), with shards, intents, permissions, resume
          buffers and presence, as a deterministic engine that runs in your browser.
        </p>
        <p>
          The playground draws every subscription as an edge from a topic key to a session and
          animates every dispatch along them. Sessions that get nothing say why: not subscribed, the
          wrong shard, a missing intent, no permission, a failed socket. Step back and forward
          through time, inject faults, resume a dropped session and watch the missed frames replay.
        </p>
        <p className="home__cta">
          <Link to="/play" className="button button--primary">
            Playground
          </Link>
          <span className="home__hint">
            Start with the “Intents” scenario: one click, one skipped session, one reason.
          </span>
        </p>
        <ScenarioList heading="Or open a scenario" />
      </main>
    </>
  )
}
