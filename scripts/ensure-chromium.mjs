#!/usr/bin/env node
// Makes sure the e2e tests have a Chromium to drive, and says which one.
// Order: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then `apt-get install chromium` when running as
// root on a Debian-like machine, and only then Playwright's own download (machines with open internet).
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const DEBIAN_CHROMIUM = '/usr/bin/chromium'

function run(cmd) {
  console.log(`$ ${cmd}`)
  execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}

function found() {
  const explicit = process.env.CHROMIUM_PATH
  if (explicit) {
    if (existsSync(explicit)) return explicit
    throw new Error(
      `CHROMIUM_PATH is set to ${explicit}, but no file is there. Unset it or fix the path.`,
    )
  }
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = existsSync('/usr/bin/apt-get')

let chromium = found()
if (!chromium && isRoot && hasApt) {
  console.log('No Chromium found: installing Debian\'s "chromium" package (about 30 s).')
  run('apt-get update')
  run('apt-get install -y chromium')
  chromium = found()
}
if (!chromium) {
  console.log(
    hasApt && !isRoot
      ? "No Chromium found and not root, so apt cannot install it: falling back to Playwright's own Chromium.\n" +
          "(To use Debian's instead: sudo apt-get install -y chromium, or set CHROMIUM_PATH.)"
      : "No Chromium found and no apt: falling back to Playwright's own Chromium.",
  )
  run('npx playwright install chromium')
  console.log("Using Playwright's Chromium.")
} else {
  console.log(`Using Chromium at ${chromium}`)
}
