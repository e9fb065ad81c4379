import { lazy, Suspense } from 'react'
import { Home } from './ui/site/Home.tsx'
import { NotFound } from './ui/site/NotFound.tsx'
import { matchPlay, usePath } from './ui/site/router.ts'

// The playground (React Flow, dagre, the engine) loads only on /play: the home page stays small.
const PlaygroundPage = lazy(() => import('./ui/playground/PlaygroundPage.tsx'))

/** The site's shell: routes only. */
export function App() {
  const path = usePath()
  const play = matchPlay(path)
  if (path === '/' || path === '/index.html') return <Home />
  if (!play) return <NotFound />
  return (
    <Suspense
      fallback={
        <div className="loading" role="status">
          Loading the playground…
        </div>
      }
    >
      <PlaygroundPage scenarioId={play.scenarioId} />
    </Suspense>
  )
}
