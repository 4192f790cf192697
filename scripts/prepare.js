#!/usr/bin/env node
// `prepare`: builds the app after `npm ci` / `npm install`. npm also runs it when `npx clearframe`
// links this folder into its npx cache (npm_command is then "exec"); the CLI runs its TypeScript
// through tsx and needs no build, so that run skips it: a slow or failing UI build must not stand
// between a user and the command line. `npm start` rebuilds a stale out/ itself.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

if (process.env.npm_command === 'exec') process.exit(0);
// The package's exports hide its bin file from require.resolve; find it next to its package.json.
const cli = join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const result = spawnSync(process.execPath, [cli, 'build'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
