import { ActionForms } from '../world/ActionForms.tsx'
import { DispatchComposer } from '../world/DispatchComposer.tsx'
import { SessionForms } from '../world/SessionForms.tsx'
import { WorldPanel } from '../world/WorldPanel.tsx'
import { ScenarioCard } from './ScenarioCard.tsx'
import { Tabs, type Tab } from './Tabs.tsx'

const FORMS: readonly Tab[] = [
  { id: 'dispatch', title: 'Dispatch', content: <DispatchComposer /> },
  { id: 'actions', title: 'Actions', content: <ActionForms /> },
  { id: 'world', title: 'World', content: <WorldPanel /> },
  { id: 'sessions', title: 'Sessions', content: <SessionForms /> },
]

const WITH_SCENARIO: readonly Tab[] = [
  // Kept mounted: Try it, in it, is a skip link's target.
  { id: 'scenario', title: 'Scenario', content: <ScenarioCard />, keepMounted: true },
  ...FORMS,
]

/**
 * Ways to change the world, each a tab whose form is at the top of its panel: with the scenario (its
 * story and Try it) as the first tab, or without it where the layout shows the scenario elsewhere.
 */
export function ChangeTabs({
  scenario,
  current,
  onChange,
}: {
  scenario: boolean
  current?: string
  onChange?: (id: string) => void
}) {
  return (
    <Tabs
      label="Make a change"
      className="change-tabs"
      tabs={scenario ? WITH_SCENARIO : FORMS}
      {...(current !== undefined ? { current } : {})}
      {...(onChange ? { onChange } : {})}
    />
  )
}
