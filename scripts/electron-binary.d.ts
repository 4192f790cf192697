/** Types for the e2e harness, which shares this detection with scripts/start.js. */
export function findElectronBinary(root: string): string | null;
