import { WebSocketManager, WebSocketShardEvents } from '@discordjs/ws'
import { REST } from 'discord.js'
import { fileURLToPath } from 'node:url'
import { startGatewayServer, type GatewayServer } from '../server/gatewayServer.ts'
import { loadScenario } from '../server/scenario.ts'
import { expectNoViolations } from './axe'
import { expect, test } from './fixtures'
import { PlaygroundPage } from './PlaygroundPage'

// /play/live served by the local gateway (npm run gateway) over the built site: a real client
// connects while the page is open, its session appears on the graph, and its dispatch animates.
const DIST = fileURLToPath(new URL('../dist', import.meta.url))

let server: GatewayServer
let manager: WebSocketManager | undefined
test.beforeAll(async () => {
  server = await startGatewayServer({
    scenario: await loadScenario('guild-basics'),
    siteDir: DIST,
    heartbeatIntervalMs: 5000,
  })
})
test.afterAll(async () => {
  await manager?.destroy()
  await server.close()
})

test('a bot that connects while the page is open appears on the graph and its dispatch animates', async ({
  page,
}) => {
  const play = new PlaygroundPage(page)
  await page.goto(`${server.origin}/play/live?e2e=1`)
  await expect(page.getByRole('status').filter({ hasText: 'Live:' })).toContainText('Guild basics')
  await expect(play.session('bob', 1)).toBeVisible()
  await expect(play.session('bob', 2)).toHaveCount(0)

  // bob's bot, with the real @discordjs/ws client and the token the gateway printed.
  const token = server.users.find((u) => u.username === 'bob')?.token as string
  manager = new WebSocketManager({
    token,
    intents: 1 | (1 << 9),
    rest: new REST({ api: `${server.origin}/api` }).setToken(token),
  })
  const received: string[] = []
  manager.on(WebSocketShardEvents.Dispatch, (payload) => received.push(payload.t))
  await manager.connect()
  await expect(play.session('bob', 2)).toBeVisible()
  await expect(play.timeline).toHaveAttribute('aria-valuetext', /IDENTIFY bob/)

  // A dispatch made on the page goes to the gateway, comes back as a step, animates, reaches the bot.
  await play.suggest(/GUILD_UPDATE to guild/)
  await expect(play.graph).toHaveAttribute('data-animating', 'true')
  await expect(play.log.locator('tbody tr', { hasText: 'GUILD_UPDATE' })).toHaveCount(1)
  await expect.poll(() => received).toContain('GUILD_UPDATE')
  expect(server.host.calls().at(-1)?.call).toMatchObject({
    target: 'dispatcher',
    method: 'dispatch',
  })

  // The inspector shows bob's bot session's frames as its client received them.
  await play.session('bob', 2).click()
  await expect(play.inspector).toContainText('"resume_gateway_url"', { useInnerText: false })
  const download = page.waitForEvent('download')
  await play.inspector.getByRole('button', { name: 'Save the frames as NDJSON' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^frames-[0-9a-f]{32}\.ndjson$/)

  // A wire fault from the page: the gateway drops the bot's socket, the bot resumes, the page shows both.
  await play.inspector.getByRole('button', { name: 'Drop its socket' }).click()
  await expect.poll(() => received).toContain('RESUMED')
  await expect(play.timeline).toHaveAttribute('aria-valuetext', /RESUME from s = \d+/)
})

test('on the static site, /play/live says how to start the local gateway', async ({ page }) => {
  await page.goto('/play/live')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Live: your own bot on the playground',
  )
  await expect(page.getByText('npm run gateway -- --port 4500')).toBeVisible()
})

test.describe('accessibility', () => {
  // axe-core is injected as an inline script, which the site's Content-Security-Policy rightly refuses.
  test.use({ bypassCSP: true })

  test('the live view and the static page have no accessibility violations', async ({ page }) => {
    test.setTimeout(90_000)
    const play = new PlaygroundPage(page)
    await page.goto(`${server.origin}/play/live`)
    await expect(play.session('alice', 1)).toBeVisible()
    await play.session('alice', 1).click()
    await expect(
      play.inspector.getByRole('button', { name: 'Save the frames as NDJSON' }),
    ).toBeVisible()
    await expectNoViolations(page, 'the live view, a session inspected')
    await page.goto('/play/live')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoViolations(page, '/play/live on the static site')
  })
})
