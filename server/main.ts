import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startGatewayServer } from './gatewayServer.ts'
import { DEFAULT_GATEWAY_SCENARIO, loadScenario } from './scenario.ts'
import { isBuilt } from './staticFiles.ts'

/**
 * `npm run gateway -- --port <port> --scenario <id> [--heartbeat <ms>]`: the local gateway. Prints
 * where it listens, the page to open, and one `<username> <token>` line per user.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      scenario: { type: 'string', default: DEFAULT_GATEWAY_SCENARIO },
      heartbeat: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log('npm run gateway -- [--port <port>] [--scenario <id>] [--heartbeat <ms>]')
    return
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`bad --port ${values.port}`)
  const heartbeat = values.heartbeat === undefined ? undefined : Number(values.heartbeat)
  if (heartbeat !== undefined && (!Number.isInteger(heartbeat) || heartbeat < 100)) {
    throw new Error(`bad --heartbeat ${values.heartbeat}: a whole number of ms, at least 100`)
  }
  const scenario = await loadScenario(values.scenario)
  const siteDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
  const server = await startGatewayServer({
    scenario,
    port,
    siteDir,
    heartbeatIntervalMs: heartbeat,
  })
  const lines = [
    `Fanout local gateway: scenario ${scenario.id} (seed ${scenario.seed})`,
    `  listening on ${server.origin} (REST ${server.origin}/api, gateway ${server.gatewayUrl})`,
    isBuilt(siteDir)
      ? `  open ${server.origin}/play/live to watch it`
      : '  the site is not built: run `npm run build` to watch it at /play/live',
    `  connect discord.js with: new Client({ intents, rest: { api: '${server.origin}/api' } })`,
    '',
    'Users and their bot tokens (<username> <token>):',
    ...server.users.map((u) => `${u.username} ${u.token}${u.bot ? '' : '   (user)'}`),
  ]
  console.log(lines.join('\n'))
  const stop = () => void server.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
