import {
  DEFAULT_TIME_LIMIT_MS,
  type RunOutcome,
  type SandboxRunner,
} from '../../sandbox/protocol.ts'
import type { EngineCall } from '../../calls/index.ts'
import { MAX_CODE_LENGTH } from '../codeStorage.ts'
import { plural } from '../plural.ts'
import { callAsCode, describeCall } from '../describeCall.ts'
import { narrate } from '../explain.ts'
import { usernameOf, type GraphModel } from '../graphModel.ts'
import { explainRefusal } from '../refusalText.ts'
import { narrateStep } from '../stepStory.ts'
import { callsOf } from '../connectEngine.ts'
import { RUN_LIMITS } from '../runData.ts'
import type {
  ConsoleEntry,
  EditorSlice,
  PlaygroundActions,
  PlaygroundState,
  RunOptions,
} from '../types.ts'
import type { SliceContext } from './context.ts'

export const editorInitial: EditorSlice = {
  code: '',
  consoleEntries: [],
  running: false,
  codeMark: null,
  timeLimitMs: DEFAULT_TIME_LIMIT_MS,
}

/** Console entries kept (the sandbox already caps one run's output; this bounds notices too). */
const MAX_ENTRIES = 5_000

type EditorActions = Pick<
  PlaygroundActions,
  'setCode' | 'runCode' | 'setTimeLimit' | 'clearConsole' | 'warmSandbox' | 'tryIt'
>

const seconds = (ms: number) =>
  `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`

/**
 * The code editor's state and the Run action: code goes to the sandbox worker with the timeline up to
 * the cursor; the calls it made come back and are applied as one step each (all or nothing), so they
 * animate, enter the Event log and can be stepped back through like any other change.
 */
export function editorActions(ctx: SliceContext): EditorActions {
  const { set, get } = ctx

  const write = (entries: readonly ConsoleEntry[]) =>
    set((s) => ({ consoleEntries: [...s.consoleEntries, ...entries].slice(-MAX_ENTRIES) }))
  const notice = (text: string, line?: number) =>
    write([{ level: 'notice', text, ...(line !== undefined ? { line } : {}) }])

  /** The calls up to `cursor`: the engine a run at that position starts from. */
  const baseAt = (steps: PlaygroundState['steps'], seed: number, cursor: number) => () => ({
    seed,
    calls: steps.slice(0, cursor).flatMap((s) => [...callsOf(s)]),
  })

  /**
   * Starts the next run's worker at the cursor, so Run only has to send code; for a base of more than
   * `standbyMaxCalls` calls only when asked (`large`), since handing it over holds the page.
   */
  /** Where runs start when they name no place (`warmSandbox({ from })`); the cursor otherwise. */
  let standbyFrom: number | undefined

  /** Makes the next run's worker where runs start: the cursor, or the docs example's `from`. */
  function prepareAtCursor(large = false) {
    const { steps, cursor: at, seed, running, scenario } = get()
    if (!ctx.sandbox.current || running || !scenario) return
    const cursor = standbyFrom === undefined ? at : Math.max(0, Math.min(steps.length, standbyFrom))
    if (!large && callsUpTo(steps, cursor) > ctx.standbyMaxCalls) return
    ctx.sandbox.current.prepare({ base: baseAt(steps, seed, cursor), baseKey: { steps, cursor } })
  }

  async function runner(): Promise<SandboxRunner> {
    return ctx.sandbox.get()
  }

  async function runCode(options: RunOptions = {}) {
    const state = get()
    if (state.running || !state.scenario) return
    // Run during playback runs where playback was heading: the end of the timeline.
    if (state.playing) {
      state.actions.pause()
      if (options.from === undefined) state.actions.seek(get().steps.length)
    }
    const { steps, cursor: at, seed, code, timeLimitMs, scenario } = get()
    // Where the code runs: the cursor, or the first `from` steps (the page moves there only on success).
    const cursor =
      options.from === undefined
        ? at
        : Math.max(0, Math.min(steps.length, Math.round(options.from)))
    set({ running: true, consoleEntries: [], codeMark: null })
    let sandbox: SandboxRunner
    try {
      sandbox = await runner()
    } catch (error) {
      set({ running: false })
      notice(
        `The sandbox could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      )
      return
    }
    const baseKey = { steps, cursor }
    const outcome = await sandbox.run({
      code,
      base: baseAt(steps, seed, cursor),
      baseKey,
      timeLimitMs,
      onConsole: (lines) => write(lines),
    })
    set({ running: false })
    if (get().scenario !== scenario) return // another scenario opened meanwhile (its Console is new)
    if (outcome.status === 'done' && (get().steps !== steps || get().cursor !== at)) {
      notice('The timeline moved while the code ran, so nothing was applied. Press Run again.')
    } else {
      report(outcome, cursor, code)
    }
    prepareAtCursor()
  }

  function report(outcome: RunOutcome, cursor: number, code: string) {
    if (outcome.status !== 'done') {
      fail(outcome, code)
      return
    }
    if (outcome.droppedLines > 0) {
      notice(
        `… ${plural(outcome.droppedLines, 'more line')} of output were dropped (the Console keeps the first ones).`,
      )
    }
    const { calls, ms } = outcome
    if (calls.length === 0) {
      notice(
        `Ran in ${Math.round(ms)} ms. No call changed the engine, so the timeline is as it was.`,
      )
      return
    }
    if (cursor + calls.length > RUN_LIMITS.steps) {
      notice(
        `The code made ${plural(calls.length, 'call')}; with the ${cursor} steps before it the timeline would pass ` +
          `${RUN_LIMITS.steps.toLocaleString('en-US')} steps, the most a run file or link can hold. Nothing was applied.`,
      )
      return
    }
    // A run from earlier steps (`from`): its calls follow those steps, and what came after them is
    // dropped, undoably, as any change drops the future.
    if (get().cursor !== cursor) get().actions.seek(cursor)
    if (!get().actions.applyCalls(calls)) {
      notice(
        'The page’s engine refused a call the sandbox made, so nothing was applied (see the notice above the graph).',
      )
      return
    }
    if (get().loading?.kind === 'apply') {
      notice(
        `Ran in ${Math.round(ms)} ms: ${plural(calls.length, 'call')} changed the engine; they are applied in slices ` +
          '(Cancel applies none of them).',
      )
      return
    }
    const range =
      calls.length === 1 ? `step ${cursor + 1}` : `steps ${cursor + 1}–${cursor + calls.length}`
    notice(
      `Ran in ${Math.round(ms)} ms: ${plural(calls.length, 'call')} changed the engine, added as ${range}.`,
    )
  }

  /** `code`: what ran. A line is marked only in that code, not in what was typed while it ran. */
  function fail(outcome: Exclude<RunOutcome, { status: 'done' }>, code: string) {
    const nothing = 'Nothing from this run was applied.'
    switch (outcome.status) {
      case 'timeout':
        notice(
          `Stopped after ${seconds(outcome.limitMs)}: the code was still running at the time limit (an endless loop, or a runaway allocation?). ` +
            `The sandbox was restarted. ${nothing}`,
        )
        return
      case 'crashed':
        notice(
          `The sandbox stopped unexpectedly (${outcome.message}); it will be restarted. ${nothing}`,
        )
        return
      case 'base-failed':
        notice(`The sandbox could not rebuild the timeline: ${outcome.message}. ${nothing}`)
        return
      case 'invalid':
        notice(
          `The sandbox sent something the page does not accept (${outcome.message}), so the run was stopped. ${nothing}`,
        )
        return
      case 'failed': {
        const { failure } = outcome
        const where = failure.line !== undefined ? ` (line ${failure.line})` : ''
        const errorCode = failure.code !== undefined ? ` ${failure.code}` : ''
        const lead =
          failure.kind === 'limit'
            ? 'Stopped: '
            : failure.kind === 'syntax'
              ? 'The code does not parse: '
              : ''
        write([
          {
            level: 'error',
            text: `${lead}${failure.name}${errorCode}: ${failure.message}${where}`,
            ...(failure.line !== undefined ? { line: failure.line } : {}),
          },
        ])
        if (outcome.droppedLines > 0)
          notice(`… ${plural(outcome.droppedLines, 'more line')} of output were dropped.`)
        notice(nothing)
        if (failure.line !== undefined && get().code === code) {
          set({
            codeMark: {
              line: failure.line,
              ...(failure.column !== undefined ? { column: failure.column } : {}),
              message: `${failure.name}${errorCode}: ${failure.message}`,
            },
          })
        }
      }
    }
  }

  function tryIt(call: EngineCall): boolean {
    const { actions } = get()
    const label = describeCall(call)
    const applied = actions.apply(call)
    const code = callAsCode(call)
    const lines: string[] = []
    const { steps, cursor, refusal, model, loading } = get()
    if (!applied) {
      lines.push(
        `Try it: ${label}. Refused, not added to the timeline: ${refusal ? explainRefusal(refusal, model) : 'see the notice above the graph'}.`,
      )
    } else if (ctx.remote) {
      lines.push(`Try it: ${label}. Sent to the gateway; it comes back as a step.`)
    } else if (loading) {
      lines.push(
        `Try it: ${label}. The past is being replayed first; it will be added when that is done.`,
      )
    } else {
      const step = steps[cursor - 1]
      const only =
        step?.dispatches.length === 1 && step.directs.length === 0 ? step.dispatches[0] : undefined
      lines.push(`Try it: ${label}. Added as step ${cursor}.`)
      if (only) lines.push(narrate(only, model))
      else if (step) lines.push(narrateStep(step, cursor - 1, (id) => sessionName(model, id)))
    }
    if (code) lines.push(`As code: ${code}`)
    write(lines.map((text) => ({ level: 'notice' as const, text })))
    return applied
  }

  return {
    tryIt,
    setCode(code) {
      const before = get().code
      set({ code, codeMark: null })
      const id = get().scenario?.id
      if (id) ctx.storage.save(id, code)
      // Said once, as the code grows past the limit, not on every keystroke after.
      if (code.length > MAX_CODE_LENGTH && before.length <= MAX_CODE_LENGTH) {
        notice(
          `This code is longer than ${MAX_CODE_LENGTH.toLocaleString('en-US')} characters: it still runs, but it is not ` +
            'kept across a reload, Copy link cannot carry it, and Save run leaves it out.',
        )
      }
    },
    runCode,
    warmSandbox({ large = false, from } = {}) {
      if (from !== undefined && Number.isFinite(from)) standbyFrom = Math.round(from)
      runner().then(
        () => prepareAtCursor(large),
        () => {
          // Run says why the sandbox could not load.
        },
      )
    },
    setTimeLimit(ms) {
      if (Number.isFinite(ms) && ms > 0) set({ timeLimitMs: ms })
    },
    clearConsole: () => set({ consoleEntries: [] }),
  }
}

/** How many calls the steps before `cursor` make, without making them (a generated step counts its own). */
function callsUpTo(steps: PlaygroundState['steps'], cursor: number): number {
  let calls = 0
  for (let i = 0; i < cursor && i < steps.length; i++) {
    const step = steps[i]!
    calls += step.generated ? step.generated.count : step.calls.length
  }
  return calls
}

/** "bob #1": a session's user and ordinal, for the Console. */
function sessionName(model: GraphModel, id: string): string {
  const entry = model.directory.get(id)
  return entry ? `${usernameOf(model, entry.userId)} #${entry.ordinal}` : id.slice(0, 8)
}

/** The code a scenario opens with: the user's last code for it, else its example. */
export function codeFor(ctx: SliceContext, scenario: { id: string; code?: string }): string {
  return ctx.storage.load(scenario.id) ?? scenario.code ?? ''
}
