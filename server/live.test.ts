import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { LiveMessage } from '../src/wire/liveProtocol.ts'
import { startGatewayServer, type GatewayServer } from './gatewayServer.ts'
import { wireTestScenario } from './testing/world.ts'

// The live view's stream (/live): the recorded steps first, then each new one; the page's calls applied.
let server: GatewayServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

function listen(origin?: string) {
  const url = (server as GatewayServer).origin.replace('http', 'ws') + '/live'
  const ws = new WebSocket(url, origin === undefined ? {} : { origin })
  const messages: LiveMessage[] = []
  ws.on('message', (data) => messages.push(JSON.parse(String(data)) as LiveMessage))
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((r) => setTimeout(r, 5))
  }
  return { ws, messages, until }
}

describe('/live', { timeout: 10_000 }, () => {
  it('says hello with the scenario and the steps so far, then streams each new step', async () => {
    server = await startGatewayServer({ scenario: wireTestScenario })
    server.host.apply({ target: 'clock', method: 'advance', args: [1] }, Date.now())
    const { messages, until, ws } = listen()
    await until(() => messages.length === 1)
    const hello = messages[0] as Extract<LiveMessage, { type: 'hello' }>
    expect(hello).toMatchObject({ type: 'hello', version: 1, scenario: 'wire-test' })
    expect(hello.steps).toEqual(server.host.steps())
    expect(hello.wire.resumeGatewayUrl).toBe(server.gatewayUrl)

    const call = { target: 'world', method: 'createUser', args: [{ id: '99', username: 'zed' }] }
    ws.send(JSON.stringify({ type: 'call', id: 7, call }))
    await until(() => messages.some((m) => m.type === 'done'))
    const step = messages.find((m) => m.type === 'step') as Extract<LiveMessage, { type: 'step' }>
    // The time that passed since the last call, then the page's call, as one step.
    expect(step.calls.at(-1)).toMatchObject({ ...call, label: 'from the page' })
    expect(server.host.engine.sim.world.user('99')?.username).toBe('zed')

    ws.send(
      JSON.stringify({ type: 'call', id: 8, call: { ...call, method: 'createUser', args: [{}] } }),
    )
    ws.send('not json')
    ws.send(
      JSON.stringify({ type: 'call', id: 9, call: { target: 'world', method: 'users', args: [] } }),
    )
    await until(() => messages.filter((m) => m.type === 'refused').length === 3)
    expect(messages.filter((m) => m.type === 'refused').map((m) => m.id)).toEqual([8, null, 9])
    ws.close()
  })

  it('refuses a page from another origin', async () => {
    server = await startGatewayServer({ scenario: wireTestScenario })
    const { ws } = listen('http://evil.example')
    const error = await new Promise<Error>((resolve) => ws.on('error', resolve))
    expect(error.message).toContain('404')
  })

  it('marks the pages it serves, so /play/live knows to follow it', async () => {
    const site = mkdtempSync(join(tmpdir(), 'fanout-site-'))
    writeFileSync(join(site, 'index.html'), '<html><head><meta charset="UTF-8" /></head></html>')
    server = await startGatewayServer({ scenario: wireTestScenario, siteDir: site })
    const page = await fetch(`${server.origin}/play/live`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(
      '<meta charset="UTF-8" />\n    <meta name="fanout-live" content="/live" />',
    )
    expect((await fetch(`${server.origin}/assets/missing.js`)).status).toBe(404)
    // A path that decodes to somewhere outside the site is refused, not read.
    expect((await fetch(`${server.origin}/..%2f..%2f..%2fetc%2fpasswd`)).status).toBe(403)
  })
})
