/** Types for the tests of scripts/start.js's build check. */
export function buildIsStale(root: string): boolean;
export function buildIfStale(root: string, log: (line: string) => void): boolean;
