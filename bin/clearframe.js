#!/usr/bin/env node
// The published entry point: runs the TypeScript CLI through tsx, so `npx clearframe` works right
// after `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
// main() has flushed its output; exiting here ends worker threads a cancelled job may still be closing.
process.exit(await main(process.argv.slice(2)));
