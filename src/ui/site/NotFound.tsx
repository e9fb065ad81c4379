import { useEffect } from 'react'
import { Link } from './Link.tsx'
import { SiteHeader } from './SiteHeader.tsx'

export function NotFound() {
  useEffect(() => {
    document.title = 'Not found — Fanout'
  }, [])
  return (
    <>
      <SiteHeader current="home" />
      <main className="home" id="main">
        <h1>Nothing here</h1>
        <p>
          This page does not exist. Go <Link to="/">home</Link> or open the{' '}
          <Link to="/play">playground</Link>.
        </p>
      </main>
    </>
  )
}
