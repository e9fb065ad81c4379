// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ErrorBoundary } from './ErrorBoundary.tsx'

afterEach(cleanup)

/** Renders what a hostile link once put in a Console line: an object as a React child. */
function Hostile({ value }: { value: unknown }) {
  return <p>{value as string}</p>
}

describe('ErrorBoundary', () => {
  it('replaces a part that cannot render with a notice and a way back, keeping the rest', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const onReset = vi.fn()
    let value: unknown = { toString: 1 }
    const { rerender } = render(
      <>
        <p>the rest of the page</p>
        <ErrorBoundary what="Console" onReset={onReset} resetLabel="Reset to the scenario">
          <Hostile value={value} />
        </ErrorBoundary>
      </>,
    )
    expect(screen.getByRole('alert').textContent).toMatch(/^The Console stopped working\./)
    expect(screen.getByText('the rest of the page')).toBeTruthy()
    value = 'fine again'
    rerender(
      <>
        <p>the rest of the page</p>
        <ErrorBoundary what="Console" onReset={onReset} resetLabel="Reset to the scenario">
          <Hostile value={value} />
        </ErrorBoundary>
      </>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Reset to the scenario' }))
    expect(onReset).toHaveBeenCalledOnce()
    expect(screen.getByText('fine again')).toBeTruthy()
    vi.restoreAllMocks()
  })
})
