import os from 'node:os'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** What a result file records about where it ran (absolute times mean little without it). */
export interface MachineInfo {
  readonly node: string
  readonly v8: string
  readonly platform: string
  readonly arch: string
  readonly cpu: string
  readonly cpus: number
  readonly memoryGB: number
  /** 1-minute load average when the run started and ended: other work on a shared machine shows here. */
  readonly loadAverage: { readonly start: number; end: number }
  readonly heapLimitMB: number
  readonly packages: Readonly<Record<string, string>>
}

const require = createRequire(import.meta.url)

function packageVersion(name: string): string {
  try {
    const path = require.resolve(`${name}/package.json`)
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version
  } catch {
    return 'unknown'
  }
}

export async function machineInfo(): Promise<MachineInfo> {
  const v8 = await import('node:v8')
  const cpus = os.cpus()
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.type()} ${os.release()}`,
    arch: process.arch,
    cpu: cpus[0]?.model ?? 'unknown',
    cpus: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: { start: os.loadavg()[0] ?? 0, end: 0 },
    heapLimitMB: Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20),
    packages: Object.fromEntries(
      ['eventemitter3', 'tseep', 'tsx', 'typescript'].map((p) => [p, packageVersion(p)]),
    ),
  }
}

export function loadAverageNow(): number {
  return os.loadavg()[0] ?? 0
}
