// Virtual modules the build makes (scripts/docs): the API reference (TypeDoc over src/engine/index.ts)
// and the search index (MiniSearch, serialised with JSON.stringify).
declare module 'virtual:fanout-api' {
  /** An `ApiModel` (./types.ts); ApiReference.tsx says so where it imports it. */
  const api: unknown
  export default api
}

declare module 'virtual:fanout-search' {
  const index: string
  export default index
}
