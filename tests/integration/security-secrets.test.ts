import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../electron/server/server';
import { gdprLibrary, type GdprLibrary } from './gdpr-kit';
import { runJson, tempRoot } from './cli-run';
import { rawRequest } from './server-http';

/**
 * Passwords and face embeddings never reach a log: not the audit log, not the database file in the clear,
 * not what the server or the command line prints. A real server, a real sign-in with a wrong and a right
 * password, and a real reference embedding computed by the face model.
 */
const printed: string[] = [];
function captureOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      printed.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  }
}
afterEach(() => vi.restoreAllMocks());

/** Every text ClearFrame keeps about what happened, and the raw bytes of the library database. */
function traces(home: string): { audit: string; files: Buffer[] } {
  const db = new Database(join(home, 'library.sqlite'), { readonly: true });
  try {
    const audit = (db.prepare('SELECT actor, action, subject, details FROM audit_log').all() as object[]).map((r) => JSON.stringify(r)).join('\n');
    const files = readdirSync(home).filter((f) => f.startsWith('library.sqlite')).map((f) => readFileSync(join(home, f)));
    return { audit, files };
  } finally {
    db.close();
  }
}

describe('passwords', () => {
  const t = tempRoot('cf-secrets-');
  let server: RunningServer;
  const right = 'Correct-Horse-7391!';
  const wrong = 'Wrong-Battery-0042?';
  beforeAll(async () => {
    server = await startServer({ home: t.home, rendererRoot: join(t.root, 'no-renderer') });
  });
  afterAll(async () => {
    await server.close();
    t.remove();
  });

  it('are neither logged nor stored in the clear, on a right or wrong sign-in or when set', async () => {
    captureOutput();
    const call = async (command: string, input: unknown, cookie?: string) => {
      const res = await rawRequest(server.port, {
        method: 'POST',
        path: `/api/${command}`,
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
        body: JSON.stringify(input),
      });
      return { json: JSON.parse(res.text), cookie: res.headers['set-cookie']?.[0]?.split(';')[0] };
    };
    const set = await call('users.setPassword', { name: 'admin', password: right });
    expect(set.json.ok).toBe(true);
    expect((await call('users.add', { name: 'juf.anna', roles: ['staff'], password: `${right}-anna` }, set.cookie)).json.ok).toBe(true);
    const refused = await call('session.signIn', { name: 'admin', password: wrong });
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(JSON.stringify(refused.json)).not.toContain(wrong);
    expect((await call('session.signIn', { name: 'admin', password: right })).json.ok).toBe(true);

    const { audit, files } = traces(t.home);
    expect(audit).toMatch(/user\.sign_in_failed/);
    expect(audit).toMatch(/user\.signed_in/);
    for (const secret of [right, wrong, `${right}-anna`]) {
      expect(audit).not.toContain(secret);
      for (const f of files) expect(f.includes(secret)).toBe(false);
      expect(printed.join('')).not.toContain(secret);
    }
  });
});

describe('face embeddings', () => {
  let g: GdprLibrary;
  beforeAll(async () => {
    g = await gdprLibrary('cf-secrets-faces-');
  }, 120_000);
  afterAll(() => g.remove());

  it('stay in their table: no audit entry, command output or export holds the vector', async () => {
    const db = new Database(join(g.home, 'library.sqlite'), { readonly: true });
    const blob = db.prepare('SELECT embedding FROM face_references').pluck().get() as Buffer;
    db.close();
    const vector = Array.from(new Float32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength)));
    expect(vector.length).toBeGreaterThanOrEqual(128);
    // Any way a number of the vector could be written as text: full precision, or rounded to six places.
    const spellings = vector.slice(0, 8).flatMap((v) => [String(v), v.toFixed(6)]).filter((s) => s.replace(/[-0.]/g, '').length >= 3);
    const outputs = [
      (await runJson(g.home, ['audit', 'list'])).stdout,
      (await runJson(g.home, ['people', 'export', 'P001', '--out', join(g.scratch, 'out'), '--media', 'none'])).stdout,
      readFileSync(join(g.scratch, 'out', 'person.json'), 'utf8'),
      readFileSync(join(g.scratch, 'out', 'audit.json'), 'utf8'),
    ];
    const { audit } = traces(g.home);
    for (const text of [audit, ...outputs]) {
      for (const s of spellings) expect(text).not.toContain(s);
      // Nor any long list of numbers.
      expect(text).not.toMatch(/(-?\d+\.\d+\s*,\s*){16}/);
    }
  });
});
