import { useCallback, useState, type ReactNode } from 'react'
import { SiteHeader } from '../site/SiteHeader.tsx'
import { useTimelineKeys } from '../timeline/useTimelineKeys.ts'
import { useBusy, useScenario } from '../../store/hooks.ts'
import { DesktopPanes } from './DesktopPanes.tsx'
import { LoadingPanel } from './LoadingPanel.tsx'
import { NarrowPanes, type NarrowPane } from './NarrowPanes.tsx'
import { focusPlace, RevealContext, type PaneTarget } from './panes.ts'
import { RunFileDrop } from './RunFileDrop.tsx'
import { ScenarioPicker } from './ScenarioPicker.tsx'
import { SkipLinks } from './SkipLinks.tsx'
import { NARROW_QUERY, PHONE_QUERY, useMediaQuery } from './useMediaQuery.ts'
import './PlaygroundLayout.css'
import './panels.css'

/** Which narrow pane holds each place a skip link or button can reveal. */
const NARROW_PANE: Record<PaneTarget, NarrowPane> = {
  graph: 'graph',
  'try-it': 'graph',
  explain: 'explain',
  code: 'code',
  log: 'log',
}

/**
 * The playground: resizable panes on a wide screen (DesktopPanes), one pane at a time below 1,100 px
 * (NarrowPanes), each panel behind its own error boundary. The header keeps one row at any width: on
 * phones the scenario picker moves into the Graph pane. `header` replaces the scenario picker (the live
 * view shows what it follows there).
 */
export function PlaygroundLayout({ header }: { header?: ReactNode } = {}) {
  useTimelineKeys()
  const scenario = useScenario()
  // While a world builds in slices, the page answers only its progress panel (and Cancel).
  const busy = useBusy()
  const narrow = useMediaQuery(NARROW_QUERY)
  const phone = useMediaQuery(PHONE_QUERY)
  const [pane, setPane] = useState<NarrowPane>('graph')
  const [changeTab, setChangeTab] = useState('scenario')
  const reveal = useCallback(
    (target: PaneTarget) => {
      if (narrow) setPane(NARROW_PANE[target])
      else if (target === 'try-it') setChangeTab('scenario')
      focusPlace(target)
    },
    [narrow],
  )
  const picker = header ?? <ScenarioPicker />
  return (
    <RevealContext.Provider value={reveal}>
      <div className={`playground${narrow ? ' playground--narrow' : ''}`}>
        <SkipLinks />
        <RunFileDrop />
        <SiteHeader current="play">{phone ? null : picker}</SiteHeader>
        <LoadingPanel />
        <main className="playground__body" id="main" inert={busy}>
          <h1 className="visually-hidden">Playground: {scenario?.title}</h1>
          {narrow ? (
            <NarrowPanes pane={pane} onPane={setPane} picker={phone ? picker : null} />
          ) : (
            <DesktopPanes changeTab={changeTab} onChangeTab={setChangeTab} />
          )}
        </main>
      </div>
    </RevealContext.Provider>
  )
}
