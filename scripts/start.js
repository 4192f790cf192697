#!/usr/bin/env node
// `npm start`: the desktop app where an Electron binary is installed, browser mode everywhere else.
import { fork, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildIfStale } from './build-if-stale.js';
import { findElectronBinary } from './electron-binary.js';
import { openBrowser } from './open-browser.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const usage = `Usage: npm start -- [--browser] [--home DIR] [--port N] [--no-open] [--no-build]
  --browser   serve the app to your web browser on 127.0.0.1 even where Electron is installed
  --home DIR  the library folder (default: CLEARFRAME_HOME or the per-user data folder)
  --port N    browser mode's port (default: a free one)
  --no-open   do not open the web browser
  --no-build  start from out/ as it is, even if the sources are newer`;

function parse() {
  try {
    return parseArgs({
      options: {
        browser: { type: 'boolean', default: false },
        home: { type: 'string' },
        port: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        'no-build': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    console.error(`${err.message}\n${usage}`);
    process.exit(2);
  }
}

/** Waits for the child and leaves with its exit code; Ctrl+C reaches the child directly from the terminal. */
function follow(child) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function startElectron(binary, home) {
  const env = { ...process.env };
  if (home) env.CLEARFRAME_HOME = resolve(home);
  follow(spawn(binary, [root], { cwd: root, stdio: 'inherit', env }));
}

function startBrowserMode(reason, values) {
  const args = [];
  if (values.home) args.push('--home', resolve(values.home));
  if (values.port) args.push('--port', values.port);
  const child = fork(join(root, 'electron/server/main.ts'), args, {
    cwd: root,
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', (message) => {
    if (typeof message?.url !== 'string') return;
    console.log(`ClearFrame runs in browser mode: ${reason}.`);
    console.log(`Open ${message.url} in your web browser (Ctrl+C stops ClearFrame).`);
    console.log(`Library folder: ${message.home}`);
    if (process.stdout.isTTY && !values['no-open']) openBrowser(message.url);
  });
  follow(child);
}

const values = parse();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const home = values.home ?? process.env.CLEARFRAME_HOME;
if (!values['no-build'] && !buildIfStale(root, (line) => console.log(line))) {
  console.error('The build failed (see above); fix it or run `npx electron-vite build` to see the whole output.');
  process.exit(1);
}
const electron = values.browser ? null : findElectronBinary(root);
if (electron) {
  startElectron(electron, home);
} else {
  startBrowserMode(values.browser ? 'you asked for it with --browser' : 'no Electron binary is installed (node_modules/electron has no dist/)', {
    ...values,
    home,
  });
}
