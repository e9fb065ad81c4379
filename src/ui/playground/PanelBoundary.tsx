import type { ReactNode } from 'react'
import { useActions, useScenario } from '../../store/hooks.ts'
import { ErrorBoundary } from '../site/ErrorBoundary.tsx'

/**
 * One panel of the playground behind an error boundary: if it cannot render, it says so and offers
 * to reset the playground to its scenario as it starts, while the other panels keep working.
 */
export function PanelBoundary({ what, children }: { what: string; children: ReactNode }) {
  const scenario = useScenario()
  const { loadScenario } = useActions()
  return (
    <ErrorBoundary
      what={what}
      resetLabel="Reset to the scenario"
      onReset={() => {
        if (scenario) loadScenario(scenario)
      }}
    >
      {children}
    </ErrorBoundary>
  )
}
