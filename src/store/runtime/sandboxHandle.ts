import type { SandboxRunner } from '../../sandbox/protocol.ts'

/** The worker that runs the editor's code: created on the first Run, kept until the playground goes. */
export class SandboxHandle {
  private runner: SandboxRunner | null = null
  private readonly create: () => SandboxRunner | Promise<SandboxRunner>

  constructor(create: () => SandboxRunner | Promise<SandboxRunner>) {
    this.create = create
  }

  /** The runner once it has been created (Run or `warmSandbox`), else null. */
  get current(): SandboxRunner | null {
    return this.runner
  }

  async get(): Promise<SandboxRunner> {
    return (this.runner ??= await this.create())
  }

  dispose(): void {
    this.runner?.dispose()
    this.runner = null
  }
}
