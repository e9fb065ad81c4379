import fc from 'fast-check'
import LZString from 'lz-string'
import { describe, expect, it } from 'vitest'
import { scenarioById } from '../scenarios/index.ts'
import { MAX_CODE_LENGTH } from './codeStorage.ts'
import type { Step } from './connectEngine.ts'
import { recordStep } from './connectEngine.ts'
import { createCallEngine, groupCalls, type EngineCall } from '../calls/index.ts'
import { readShareHash, SHARE_LIMITS, shareHash, ShareLinkError } from './share.ts'

const GUILD = '20971520'

/** A scenario's steps followed by `extra` calls, one step each, as the playground records them. */
function timeline(id: string, extra: readonly EngineCall[]): { steps: Step[]; seed: number } {
  const scenario = scenarioById(id)!
  const run = createCallEngine(scenario.seed)
  const steps = [...groupCalls(scenario.calls), ...extra.map((c) => [c])].map((calls, i) =>
    recordStep(run, calls, i),
  )
  return { steps, seed: scenario.seed }
}

const dispatch = (name: string): EngineCall => ({
  target: 'dispatcher',
  method: 'dispatch',
  args: ['guild', GUILD, 'GUILD_UPDATE', { name }],
})
const plain = (calls: readonly EngineCall[]) =>
  calls.map(({ target, method, args }) => ({ target, method, args }))

const intents = scenarioById('intents')!
const stateOf = (steps: readonly Step[], seed: number, cursor: number, code: string) => ({
  scenario: intents,
  seed,
  steps,
  cursor,
  scenarioSteps: 0,
  code,
})

function link(extra: readonly EngineCall[], cursor?: number, code = 'console.log(1)') {
  const { steps, seed } = timeline('intents', extra)
  return shareHash(stateOf(steps, seed, cursor ?? steps.length, code))
}
const open = (hash: string) => readShareHash(hash, scenarioById)
/** A link whose JSON is `data`, as if someone wrote it by hand. */
const craft = (data: unknown) =>
  `run=${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`

// Each test replays scenarios on scratch engines: seconds on a loaded machine.
describe('share links', { timeout: 30_000 }, () => {
  it('round-trip the scenario, seed, every step’s calls, the cursor and the code', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }),
        fc.nat(),
        fc.string({ maxLength: 300 }),
        (names, at, code) => {
          const extra = names.map(dispatch)
          const { steps, seed } = timeline('intents', extra)
          const cursor = at % (steps.length + 1)
          const opened = open(`#${shareHash(stateOf(steps, seed, cursor, code))}`)
          expect(opened?.scenario.id).toBe('intents')
          expect(opened?.scenario.seed).toBe(seed)
          expect(opened?.cursor).toBe(cursor)
          expect(opened?.code).toBe(code)
          expect(opened?.plan.map((p) => plain(p.calls ?? []))).toEqual(
            steps.map((s) => plain(s.calls)),
          )
        },
      ),
      { numRuns: 40 },
    )
  })

  it('writes the scenario’s own steps as a count, so links stay short', () => {
    const hash = link([dispatch('renamed')])
    expect(hash.length).toBeLessThan(400)
    const large = timeline('large-guild', [])
    const big = shareHash({
      scenario: scenarioById('large-guild')!,
      seed: large.seed,
      steps: large.steps,
      cursor: 2,
      scenarioSteps: 0,
      code: '',
    })
    expect(big.length).toBeLessThan(200)
    expect(open(big)?.scenarioSteps).toBe(large.steps.length)
  })

  it('ignores an address without a link', () => {
    expect(open('')).toBeNull()
    expect(open('#main')).toBeNull()
  })

  it.each([
    ['bad compression', 'run=@@@@not-lz', /damaged: its data does not decompress/],
    ['no data', 'run=', /damaged/],
    ['not JSON', `run=${LZString.compressToEncodedURIComponent('{"format":')}`, /not the JSON/],
    ['not a run', craft({ hello: 1 }), /does not hold a Fanout run/],
    [
      'another version',
      craft({ format: 'fanout-run', version: 2 }),
      /version 2; this playground reads version 1/,
    ],
    [
      'an unknown scenario',
      craft({ format: 'fanout-run', version: 1, scenario: 'nope' }),
      /"nope", which is not a scenario/,
    ],
    [
      'a count of the scenario’s steps out of range',
      craft({
        format: 'fanout-run',
        version: 1,
        scenario: 'intents',
        seed: 2,
        cursor: 0,
        scenarioSteps: 99,
        steps: [],
        code: '',
      }),
      /"scenarioSteps" must be a whole number from 0 to 4/,
    ],
    [
      'no code',
      craft({
        format: 'fanout-run',
        version: 1,
        scenario: 'intents',
        seed: 2,
        cursor: 0,
        scenarioSteps: 0,
        steps: [],
      }),
      /holds no code/,
    ],
    [
      'a cursor past the end',
      craft({
        format: 'fanout-run',
        version: 1,
        scenario: 'intents',
        seed: 2,
        cursor: 9,
        scenarioSteps: 1,
        steps: [],
        code: '',
      }),
      /"cursor" must be/,
    ],
    [
      'a call the engine refuses',
      craft({
        format: 'fanout-run',
        version: 1,
        scenario: 'intents',
        seed: 2,
        cursor: 0,
        scenarioSteps: 4,
        code: '',
        steps: [
          {
            label: 'x',
            calls: [{ target: 'gateway', method: 'identify', args: [{ userId: '999' }] }],
          },
        ],
      }),
      /step 5 \(gateway.identify\) was refused: 4004/,
    ],
    [
      'a call outside the allowlist',
      craft({
        format: 'fanout-run',
        version: 1,
        scenario: 'intents',
        seed: 2,
        cursor: 0,
        scenarioSteps: 0,
        code: '',
        steps: [{ label: 'x', calls: [{ target: 'window', method: 'alert', args: [] }] }],
      }),
      /unknown target "window"/,
    ],
    ['too many characters', `run=${'A'.repeat(SHARE_LIMITS.chars + 1)}`, /too large/],
  ])('refuses %s with a clear message', (_, hash, message) => {
    expect(() => open(hash)).toThrow(ShareLinkError)
    expect(() => open(hash)).toThrow(message)
  })

  it('refuses a small link that decompresses to something huge', () => {
    const limits = { chars: 1_000, text: 50_000 }
    const bomb = `run=${LZString.compressToEncodedURIComponent('x'.repeat(limits.text + 1))}`
    expect(bomb.length).toBeLessThan(limits.chars)
    expect(() => readShareHash(bomb, scenarioById, limits)).toThrow(/too large/)
  })

  it('answers any truncation or corruption with a ShareLinkError, never anything else', () => {
    const good = link([dispatch('a'), dispatch('b')])
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.constantFrom('', 'A', '$', '-', ' '), (cut, at, c) => {
        const truncated = good.slice(0, cut % good.length)
        const i = at % good.length
        const corrupt = good.slice(0, i) + c + good.slice(i + 1)
        for (const hash of [truncated, corrupt]) {
          try {
            open(hash)
          } catch (error) {
            expect(error).toBeInstanceOf(ShareLinkError)
          }
        }
      }),
      { numRuns: 200 },
    )
  })

  it('refuses to make a link too long to open', () => {
    const { steps, seed } = timeline('intents', [dispatch(`${Math.sin(1)}`), dispatch('x')])
    expect(() => shareHash(stateOf(steps, seed, 0, 'x'.repeat(5_000)), { chars: 300 })).toThrow(
      /too large for a link.*Save run/,
    )
  })

  it('opens a link that a mail program percent-encoded', () => {
    const hash = link([dispatch('a')])
    const data = hash.slice('run='.length)
    const hex = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`
    expect(open(`run=${data.replace(/[$+]/g, hex)}`)).toEqual(open(hash))
    expect(open(`run=${[...data].map(hex).join('')}`)).toEqual(open(hash))
    expect(() => open('run=AB%E0%A4%A')).toThrow(/broken %-escape/)
  })

  it('refuses to carry code longer than a link or run file may hold', () => {
    const { steps, seed } = timeline('intents', [])
    const long = 'x'.repeat(MAX_CODE_LENGTH + 1)
    expect(() => shareHash(stateOf(steps, seed, 0, long))).toThrow(
      /code is longer than 100,000 characters/,
    )
    // At the limit, the link is made and opens.
    const most = `//${'x'.repeat(MAX_CODE_LENGTH - 2)}`
    expect(open(shareHash(stateOf(steps, seed, 0, most)))?.code).toBe(most)
  })
})
