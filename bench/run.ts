/**
 * Benchmarks (not tests): `npm run bench -- <name> [--quick]`. Each writes JSON to bench/results/ and
 * prints it. Speed lives here, never in test assertions.
 */
const benches: Record<string, () => Promise<{ run(args: string[]): Promise<unknown> }>> = {
  import: async () => ({ run: (await import('./import')).runImportBench }),
  export: async () => ({ run: (await import('./export')).runExportBench }),
  faces: async () => ({ run: (await import('./faces')).runFacesBench }),
  load: async () => ({ run: (await import('./load')).runLoadBench }),
  crash: async () => ({ run: (await import('./crash')).runCrashBench }),
};

const [benchName, ...args] = process.argv.slice(2);
const load = benchName ? benches[benchName] : undefined;
if (!load) {
  process.stderr.write(`Usage: npm run bench -- <${Object.keys(benches).join('|')}> [--quick]\n`);
  process.exit(2);
}
await (await load()).run(args);

export {};
