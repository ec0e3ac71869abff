/** Modules build.mjs resolves at build time (see dataset.ts). */
declare module 'council-site:base' {
  /** The national dataset JSON (`--data FILE`). */
  const dataset: unknown;
  export default dataset;
}

declare module 'council-site:overlay' {
  /** The council's overlay JSON (`--overlay FILE`), or null with `--overlay none`. */
  const overlay: unknown;
  export default overlay;
}
