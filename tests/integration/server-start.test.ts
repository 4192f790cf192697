import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIsStale } from '../../scripts/build-if-stale.js';
import { findElectronBinary } from '../../scripts/electron-binary.js';
import { rawRequest } from './server-http';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-start-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const write = (root: string, file: string, when: number) => {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, 'x');
  utimesSync(path, when, when);
};

describe('npm start', () => {
  it('serves browser mode, prints why and the token URL, and stops cleanly on Ctrl+C', async () => {
    const home = tempDir();
    const child = spawn(process.execPath, ['scripts/start.js', '--browser', '--no-open', '--no-build', '--home', home], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const url = await new Promise<URL>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+) in your web browser/.exec(out);
        if (m?.[1]) resolve(new URL(m[1]));
      });
      child.on('exit', () => reject(new Error(`start.js exited early:\n${out}`)));
    });
    expect(out).toContain('ClearFrame runs in browser mode: you asked for it with --browser.');

    const token = url.searchParams.get('token') ?? '';
    const status = await rawRequest(Number(url.port), {
      method: 'POST',
      path: '/api/library.status',
      headers: { Authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(JSON.parse(status.text)).toMatchObject({ ok: true, value: { library: home } });

    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('Closing the library');
  });
});

describe('the build check', () => {
  const outputs = ['out/renderer/index.html', 'out/main/index.js', 'out/main/core-host.js', 'out/preload/index.cjs'];

  it('rebuilds when out/ is missing a file or older than a source', () => {
    const root = tempDir();
    write(root, 'renderer/src/app.tsx', 1_000);
    write(root, 'electron/core/library.ts', 1_000);
    expect(buildIsStale(root)).toBe(true);
    for (const file of outputs) write(root, file, 2_000);
    expect(buildIsStale(root)).toBe(false);
    write(root, 'shared/domain/consent.ts', 3_000);
    expect(buildIsStale(root)).toBe(true);
  });

  it('ignores what does not go into the build', () => {
    const root = tempDir();
    for (const file of outputs) write(root, file, 2_000);
    write(root, 'tests/unit/x.test.ts', 3_000);
    write(root, 'renderer/node_modules/dep/index.js', 3_000);
    expect(buildIsStale(root)).toBe(false);
  });
});

describe('Electron detection', () => {
  it('needs both path.txt and the binary it names, without requiring the package', () => {
    const root = tempDir();
    expect(findElectronBinary(root)).toBeNull();
    write(root, 'node_modules/electron/path.txt', 1_000);
    writeFileSync(join(root, 'node_modules/electron/path.txt'), 'electron');
    expect(findElectronBinary(root)).toBeNull();
    write(root, 'node_modules/electron/dist/electron', 1_000);
    expect(findElectronBinary(root)).toBe(join(root, 'node_modules/electron/dist/electron'));
  });
});
