import { expect } from 'vitest'
import { EngineError } from '../errors.ts'
import { createWorld, type WorldInternal } from './createWorld.ts'
import type { WorldChange } from './types.ts'

/** @internal A counter id generator and a manual clock: enough context for a world under test. */
export function testContext(firstId = 1_000_000, start = 1_700_000_000_000) {
  let next = firstId
  let now = start
  return {
    nextId: () => String(next++),
    now: () => now,
    advance(ms: number) {
      now += ms
    },
    /** The id the next `nextId()` call returns, to prove a refused call consumed none. */
    peek: () => String(next),
  }
}

/**
 * @internal A world with users alice 10, bob 20, carol 30, dave 40 and guild 1000 owned by alice,
 * with bob and carol as members and a public #general 100.
 */
export function testWorld() {
  const ctx = testContext()
  const world = createWorld(ctx)
  for (const [id, username] of [
    ['10', 'alice'],
    ['20', 'bob'],
    ['30', 'carol'],
    ['40', 'dave'],
  ] as const) {
    world.createUser({ id, username })
  }
  world.createGuild({ id: '1000', name: 'G', ownerId: '10' })
  world.addMember('1000', '20')
  world.addMember('1000', '30')
  world.createChannel({ id: '100', guildId: '1000', name: 'general' })
  return { ctx, world }
}

/**
 * @internal Asserts that `act` is refused with `EngineError(code)` and that nothing changed: the
 * same snapshot, no change reported, no id consumed.
 */
export function expectRefused(
  world: WorldInternal,
  ctx: { peek(): string },
  act: () => unknown,
  code: string,
  message?: RegExp,
): void {
  const before = JSON.stringify(world.snapshot())
  const id = ctx.peek()
  const changes: WorldChange[] = []
  const stop = world.onChange((c) => changes.push(c))
  let error: unknown
  try {
    act()
  } catch (e) {
    error = e
  } finally {
    stop()
  }
  expect(error, `expected EngineError ${code}`).toBeInstanceOf(EngineError)
  expect((error as EngineError).code).toBe(code)
  if (message) expect((error as EngineError).message).toMatch(message)
  expect(JSON.stringify(world.snapshot())).toBe(before)
  expect(changes).toEqual([])
  expect(ctx.peek()).toBe(id)
}
