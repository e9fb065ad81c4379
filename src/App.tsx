import { lazy, Suspense } from 'react'
import { SiteSearch } from './docs/search/SiteSearch.tsx'
import { Home } from './ui/site/Home.tsx'
import { NotFound } from './ui/site/NotFound.tsx'
import { matchPlay, usePath } from './ui/site/router.ts'

// The playground (React Flow, the graph's layout, the engine) loads only on /play: the home page stays small.
const PlaygroundPage = lazy(() => import('./ui/playground/PlaygroundPage.tsx'))
// /play/live: the playground following a local gateway (npm run gateway), or how to start one.
const LivePage = lazy(() => import('./ui/playground/LivePage.tsx'))
// The benchmark's results and the in-browser runner load only on their own pages.
const PerformancePage = lazy(() => import('./ui/perf/PerformancePage.tsx'))
const BenchPage = lazy(() => import('./ui/perf/BenchPage.tsx'))
// The docs: layout and sidebar in one chunk, each page's MDX in its own.
const DocsPage = lazy(() => import('./docs/DocsPage.tsx'))

const loading = (what: string) => (
  <div className="loading" role="status">
    Loading {what}…
  </div>
)

/** The site's shell: the search dialog on every page, and the routes. */
export function App() {
  return (
    <>
      <Routes />
      <SiteSearch />
    </>
  )
}

function Routes() {
  const path = usePath()
  const play = matchPlay(path)
  if (path === null) return <NotFound />
  if (path === '/' || path === '/index.html') return <Home />
  if (path === '/performance' || path === '/performance/') {
    return (
      <Suspense fallback={loading('the results')}>
        <PerformancePage />
      </Suspense>
    )
  }
  if (path === '/bench' || path === '/bench/') {
    return (
      <Suspense fallback={loading('the benchmark')}>
        <BenchPage />
      </Suspense>
    )
  }
  if (path === '/docs' || path.startsWith('/docs/')) {
    return (
      <Suspense fallback={loading('the docs')}>
        <DocsPage path={path} />
      </Suspense>
    )
  }
  if (!play) return <NotFound />
  if (play.scenarioId === 'live') {
    return (
      <Suspense fallback={loading('the playground')}>
        <LivePage />
      </Suspense>
    )
  }
  return (
    <Suspense fallback={loading('the playground')}>
      <PlaygroundPage scenarioId={play.scenarioId} />
    </Suspense>
  )
}
