/** The engine's public API as one declaration file, generated at build time (scripts/engineTypes.ts). */
declare module 'virtual:engine-dts' {
  const declarations: string
  export default declarations
}
