// The build setting SOURCE_URL, put in by vite.config.ts's `define` ('' when the build had none).
interface ImportMetaEnv {
  readonly FANOUT_SOURCE_URL?: string
}
