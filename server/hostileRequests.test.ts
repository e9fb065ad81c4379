import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGatewayServer, type GatewayServer } from './gatewayServer.ts'
import { requestTarget } from './requestTarget.ts'
import { ALICE, CHANNEL_0, wireTestScenario } from './testing/world.ts'

describe('requestTarget', () => {
  it('reads the target as a path: a leading // is part of it, never a host', () => {
    expect(requestTarget('/gateway?v=10&encoding=json')?.pathname).toBe('/gateway')
    expect(requestTarget('/gateway?v=10')?.searchParams.get('v')).toBe('10')
    expect(requestTarget('//x:99999/gateway')?.pathname).toBe('//x:99999/gateway')
    expect(requestTarget('//evil.example/gateway')?.pathname).toBe('//evil.example/gateway')
    expect(requestTarget('*')).toBeUndefined()
    expect(requestTarget('http://127.0.0.1/gateway')).toBeUndefined()
    expect(requestTarget(undefined)).toBeUndefined()
  })
})

/** Raw bytes to the server; resolves with the first line of its answer ('' if it closed first). */
function ask(server: GatewayServer, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1')
    let text = ''
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1')
      if (text.includes('\r\n')) socket.destroy()
    })
    socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''))
    socket.on('error', () => resolve(text.split('\r\n')[0] ?? ''))
    socket.write(request)
  })
}

const upgrade = (target: string) =>
  `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n'

/**
 * A WebSocket to `//x:99999/gateway` (any page on any site may open one to 127.0.0.1) made
 * `new URL(req.url, origin)` throw in the `upgrade` handler: the server died.
 */
describe('hostile request targets', { timeout: 10_000 }, () => {
  let server: GatewayServer
  let site: string
  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'fanout-site-'))
    writeFileSync(join(site, 'index.html'), '<meta charset="utf-8" /><p>site</p>')
    server = await startGatewayServer({ scenario: wireTestScenario, siteDir: site })
  })
  afterAll(async () => {
    await server.close()
    rmSync(site, { recursive: true, force: true })
  })

  it('an upgrade to a target that is no URL path is refused, and the server lives on', async () => {
    for (const target of ['//x:99999/gateway', '//[::1/gateway', '//%/gateway', '//x/gateway']) {
      expect(await ask(server, upgrade(target)), target).toBe('HTTP/1.1 404 Not Found')
    }
    expect(await ask(server, upgrade('/gateway?v=10&encoding=json'))).toBe(
      'HTTP/1.1 101 Switching Protocols',
    )
    expect((await fetch(`${server.origin}/api/v10/gateway`)).status).toBe(200)
  })

  it('a page request with such a target gets the site or an error, never a crash', async () => {
    for (const target of ['//x:99999/play', '//[::1/index.html', '//etc/passwd']) {
      const line = await ask(server, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`)
      expect(line, target).toMatch(/^HTTP\/1\.1 (200|400|404) /)
    }
    expect((await fetch(`${server.origin}/api/v10/gateway`)).status).toBe(200)
  })
})

/** A WebSocket upgrade to /gateway with an Origin header. */
const fromPage = (origin: string) =>
  upgrade('/gateway?v=10&encoding=json').replace('\r\n\r\n', `\r\nOrigin: ${origin}\r\n\r\n`)

describe('pages of other sites', { timeout: 10_000 }, () => {
  let server: GatewayServer
  beforeAll(async () => {
    server = await startGatewayServer({ scenario: wireTestScenario })
  })
  afterAll(() => server.close())

  it('cannot open the gateway: tokens and session ids come from the seed', async () => {
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example']) {
      expect(await ask(server, fromPage(origin)), origin).toBe('HTTP/1.1 403 Forbidden')
    }
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:5173', server.origin]) {
      expect(await ask(server, fromPage(origin)), origin).toBe('HTTP/1.1 101 Switching Protocols')
    }
    expect(server.host.calls()).toEqual([])
  })

  it('cannot reach it under another name (DNS rebinding): requests for another Host get 403', async () => {
    const token = server.users.find((u) => u.id === ALICE)?.token as string
    const post =
      `POST /api/v10/channels/${CHANNEL_0}/messages HTTP/1.1\r\nHost: evil.example:${server.port}\r\n` +
      `Authorization: Bot ${token}\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n` +
      '{"content":1}'
    expect(await ask(server, post)).toBe('HTTP/1.1 403 Forbidden')
    const rebound = upgrade('/gateway?v=10&encoding=json').replace(
      'Host: 127.0.0.1',
      `Host: evil.example:${server.port}`,
    )
    expect(await ask(server, rebound)).toBe('HTTP/1.1 403 Forbidden')
    for (const host of [
      `localhost:${server.port}`,
      `127.0.0.1:${server.port}`,
      `[::1]:${server.port}`,
    ]) {
      const get = `GET /api/v10/gateway HTTP/1.1\r\nHost: ${host}\r\n\r\n`
      expect(await ask(server, get), host).toBe('HTTP/1.1 200 OK')
    }
  })
})
