/** The site's shell. The playground and docs arrive in their own issues. */
export function App() {
  return (
    <main className="home">
      <h1>Fanout</h1>
      <p>
        How a Discord-style gateway fans events out to its sessions: litecord&apos;s pub/sub layer, its six
        backends, shards, intents, permissions, resume and the lazy member list.
      </p>
    </main>
  )
}
