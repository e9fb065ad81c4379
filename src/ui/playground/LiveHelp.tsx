import { SiteHeader } from '../site/SiteHeader.tsx'
import { Link } from '../site/Link.tsx'

/** `/play/live` without a local gateway behind it (the published site): how to start one. */
export function LiveHelp({ problem }: { problem?: string }) {
  return (
    <>
      <SiteHeader current="play" />
      <main className="home" id="main">
        <h1>Live: your own bot on the playground</h1>
        {problem ? <p role="alert">{problem}</p> : null}
        <p>
          This page follows a <strong>local gateway</strong>: a Discord gateway on your machine,
          backed by the same engine, that real bots (discord.js and others) connect to. This copy of
          the site was not served by one, so there is nothing to follow here.
        </p>
        <p>From a clone of the repository:</p>
        <pre>
          <code>{`npm install
npm run build
npm run gateway -- --port 4500 --scenario guild-basics`}</code>
        </pre>
        <p>
          then open <span className="mono">http://127.0.0.1:4500/play/live</span> and connect your
          bot with the printed token. <Link to="/docs/your-bot">Connect your own bot</Link> explains
          each step; <Link to="/docs/wire-protocol">The wire protocol</Link> shows the frames it
          exchanges.
        </p>
      </main>
    </>
  )
}
