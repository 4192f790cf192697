import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { basename, dirname, join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../electron/server/server';
import { sanitiseUploadName } from '../../electron/server/upload-name';
import { rawRequest } from './server-http';

// The media engineer owns how ids map to files; here one id maps to a known file so serving and ranges are tested.
const media = vi.hoisted(() => ({ file: '' }));
vi.mock('../../electron/core/media/media-files', async () => {
  const { ClearFrameError } = await import('../../shared/result');
  return {
    resolveMediaFile: async (_lib: unknown, variant: string, id: number) => {
      if (id === 7 && variant === 'original') return { path: media.file, mime: 'video/mp4' };
      throw new ClearFrameError('not_found', `There is no media item ${id}.`);
    },
  };
});

let root: string;
let home: string;
let server: RunningServer;
let auth: Record<string, string>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cf-server-'));
  home = join(root, 'library');
  const renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>ClearFrame</title>');
  writeFileSync(join(renderer, 'assets', 'app-1234.js'), 'console.log(1)');
  media.file = join(root, 'clip.mp4');
  writeFileSync(media.file, Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256)));
  server = await startServer({ home, rendererRoot: renderer });
  auth = { Authorization: `Bearer ${server.token}` };
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const post = (path: string, body: unknown, headers: Record<string, string> = auth) =>
  rawRequest(server.port, { method: 'POST', path, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('who may connect', () => {
  it('prints a loopback address with a long random token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('listens on 127.0.0.1 only', async () => {
    const tryConnect = (host: string) =>
      new Promise<boolean>((resolve) => {
        const s = connect({ host, port: server.port }, () => {
          s.destroy();
          resolve(true);
        });
        s.on('error', () => resolve(false));
      });
    expect(await tryConnect('127.0.0.1')).toBe(true);
    // Another loopback address answers only when the server listens on every interface.
    expect(await tryConnect('127.0.0.2')).toBe(false);
  });

  it('answers 401 with a sentence when there is no token', async () => {
    for (const path of ['/', '/api/library.status', '/media/thumb/1', '/upload?name=a.jpg', '/assets/app-1234.js']) {
      const res = await rawRequest(server.port, { path, method: path.startsWith('/api') || path.startsWith('/upload') ? 'POST' : 'GET' });
      expect(res.status, path).toBe(401);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toMatch(/address printed in the terminal/);
    }
  });

  it('refuses a wrong token, in the link, the cookie or the header', async () => {
    const wrong = `${server.token.slice(0, -1)}x`;
    expect((await rawRequest(server.port, { path: `/?token=${wrong}` })).status).toBe(401);
    expect((await rawRequest(server.port, { path: '/', headers: { Cookie: `cf_token=${wrong}` } })).status).toBe(401);
    expect((await rawRequest(server.port, { path: '/', headers: { Authorization: `Bearer ${wrong}` } })).status).toBe(401);
  });

  it('trades the token in the link for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const res = await rawRequest(server.port, { path: `/people?class=3&token=${server.token}` });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/people?class=3');
    const cookie = res.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^cf_token=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const [pair = ''] = cookie.split(';');
    const page = await rawRequest(server.port, { path: '/people?class=3', headers: { Cookie: `other=1; ${pair}` } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>ClearFrame</title>');
  });

  it('never redirects to another site after the login', async () => {
    for (const path of [`//evil.example/?token=${server.token}`, `/\\evil.example/?token=${server.token}`]) {
      const res = await rawRequest(server.port, { path });
      expect(res.status, path).toBe(303);
      expect(res.headers.location, path).toBe('/evil.example/');
    }
  });

  it('answers 403 to a foreign Origin, even with the token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null', `https://127.0.0.1:${server.port}`]) {
      const res = await post('/api/library.status', {}, { ...auth, Origin: origin });
      expect(res.status, origin).toBe(403);
    }
    const same = await post('/api/library.status', {}, { ...auth, Origin: `http://localhost:${server.port}` });
    expect(same.status).toBe(200);
  });

  it('answers 403 to a foreign Host (DNS rebinding), even with the token', async () => {
    for (const host of [`evil.example:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`, `127.0.0.1.evil.example:${server.port}`]) {
      const res = await rawRequest(server.port, { path: '/api/library.status', method: 'POST', headers: { ...auth, Host: host }, body: '{}' });
      expect(res.status, host).toBe(403);
    }
    const local = await rawRequest(server.port, { path: '/', headers: { ...auth, Host: `localhost:${server.port}` } });
    expect(local.status).toBe(200);
  });
});

describe('the contract over HTTP', () => {
  it('runs library.status', async () => {
    const res = await post('/api/library.status', {});
    expect(res.status).toBe(200);
    const result = JSON.parse(res.text);
    expect(result).toMatchObject({ ok: true, value: { library: home, empty: true, integrity: 'ok' } });
  });

  it('treats an empty body as empty input', async () => {
    const res = await rawRequest(server.port, { method: 'POST', path: '/api/library.status', headers: auth });
    expect(JSON.parse(res.text).ok).toBe(true);
  });

  it('answers an unknown command with a not_found Result', async () => {
    const res = await post('/api/library.format', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const odd = await post('/api/..%2f..%2fetc%2fpasswd', {});
    expect(JSON.parse(odd.text)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('answers invalid input with an invalid_input Result', async () => {
    const res = await post('/api/jobs.cancel', { id: 'seven' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('answers malformed JSON with 400 and an invalid_input Result', async () => {
    const res = await rawRequest(server.port, { method: 'POST', path: '/api/library.status', headers: auth, body: '{"oops":' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses to run commands on GET', async () => {
    const res = await rawRequest(server.port, { path: '/api/library.status', headers: auth });
    expect(res.status).toBe(405);
  });

  it('streams core events as server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: server.port, path: '/api/events', headers: { ...auth, Host: `127.0.0.1:${server.port}` } },
        (res: IncomingMessage) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString();
            if (text.includes(': connected')) void post('/api/org.setFoundationName', { name: 'Stichting Test' });
            const match = /event: library\.changed\ndata: (.*)\n\n/.exec(text);
            if (match) {
              req.destroy();
              resolve(match[1] ?? '');
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(await received)).toEqual({ what: 'org' });
  });
});

describe('media', () => {
  it('refuses anything but a variant and a numeric id', async () => {
    const attempts = [
      '/media/thumb/../../etc/passwd',
      '/media/thumb/..%2f..%2f..%2fetc%2fpasswd',
      '/media/thumb/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/media/original//etc/passwd',
      '/media/original/%2Fetc%2Fpasswd',
      '/media/original/7%2f..',
      '/media/original/7/',
      '/media/original/-7',
      '/media/original/7.0',
      '/media/original/0x7',
      '/media/evidence/7',
      '/media/',
    ];
    for (const path of attempts) {
      const res = await rawRequest(server.port, { path, headers: auth });
      expect([400, 404], path).toContain(res.status);
      expect(res.text, path).not.toMatch(/root:/);
    }
  });

  it('keeps static requests inside the renderer folder', async () => {
    for (const path of ['/..%2f..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/../../../etc/passwd']) {
      const res = await rawRequest(server.port, { path, headers: auth });
      expect(res.text, path).not.toMatch(/root:/);
    }
  });

  it('answers 404 for an id that is not in the library', async () => {
    const res = await rawRequest(server.port, { path: '/media/thumb/8', headers: auth });
    expect(res.status).toBe(404);
  });

  it('serves an original with its content type and byte ranges for video', async () => {
    const whole = await rawRequest(server.port, { path: '/media/original/7', headers: auth });
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(whole.body.equals(readFileSync(media.file))).toBe(true);

    const part = await rawRequest(server.port, { path: '/media/original/7', headers: { ...auth, Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/1000');
    expect([...part.body]).toEqual(Array.from({ length: 100 }, (_, i) => (100 + i) % 256));

    const tail = await rawRequest(server.port, { path: '/media/original/7', headers: { ...auth, Range: 'bytes=-10' } });
    expect(tail.headers['content-range']).toBe('bytes 990-999/1000');
    expect(tail.body.length).toBe(10);

    const beyond = await rawRequest(server.port, { path: '/media/original/7', headers: { ...auth, Range: 'bytes=5000-' } });
    expect(beyond.status).toBe(416);
  });
});

describe('uploads', () => {
  it('stores the bytes under the library tmp folder with a sanitised name', async () => {
    const name = encodeURIComponent('../../..\\evil\n/ph:oto.jpg');
    const res = await rawRequest(server.port, { method: 'POST', path: `/upload?name=${name}`, headers: auth, body: Buffer.from('jpeg bytes') });
    expect(res.status).toBe(200);
    const { ok, value } = JSON.parse(res.text) as { ok: boolean; value: { path: string } };
    expect(ok).toBe(true);
    expect(value.path.startsWith(join(home, 'tmp', 'uploads') + sep)).toBe(true);
    expect(dirname(dirname(value.path))).toBe(join(home, 'tmp', 'uploads'));
    expect(basename(value.path)).toBe(sanitiseUploadName('../../..\\evil\n/ph:oto.jpg'));
    expect(basename(value.path)).not.toContain('..');
    expect(basename(value.path)).toMatch(/evil_ph_oto\.jpg$/);
    expect(readFileSync(value.path, 'utf8')).toBe('jpeg bytes');
  });

  it('gives two uploads of the same name their own files', async () => {
    const send = () => rawRequest(server.port, { method: 'POST', path: '/upload?name=a.jpg', headers: auth, body: 'x' });
    const [a, b] = [JSON.parse((await send()).text).value.path, JSON.parse((await send()).text).value.path];
    expect(a).not.toBe(b);
  });

  it('requires a name', async () => {
    const res = await rawRequest(server.port, { method: 'POST', path: '/upload', headers: auth, body: 'x' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('sanitises names to one safe path segment of at most 200 bytes', () => {
    expect(sanitiseUploadName('..')).toBe('upload');
    expect(sanitiseUploadName('../')).toBe('_');
    expect(sanitiseUploadName('/etc/passwd')).toBe('_etc_passwd');
    expect(sanitiseUploadName('C:\\Users\\x.heic')).toBe('C__Users_x.heic');
    expect(sanitiseUploadName('a\u0000b\u001fc\u007f.png')).toBe('abc.png');
    expect(sanitiseUploadName('.hidden.jpg')).toBe('hidden.jpg');
    expect(sanitiseUploadName('Zoë op het schoolplein.jpg')).toBe('Zoë op het schoolplein.jpg');
    const long = sanitiseUploadName(`${'é'.repeat(300)}.jpeg`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200);
    expect(long.endsWith('é.jpeg')).toBe(true);
  });
});

describe('the renderer', () => {
  it('serves pages with a strict CSP and nosniff', async () => {
    const res = await rawRequest(server.port, { path: '/', headers: auth });
    expect(res.status).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "connect-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves assets, answers index.html for app routes and 404 for missing assets', async () => {
    const asset = await rawRequest(server.port, { path: '/assets/app-1234.js', headers: auth });
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.text).toBe('console.log(1)');
    const route = await rawRequest(server.port, { path: '/consent/class/4', headers: auth });
    expect(route.status).toBe(200);
    expect(route.text).toContain('<title>ClearFrame</title>');
    expect((await rawRequest(server.port, { path: '/assets/gone.js', headers: auth })).status).toBe(404);
  });
});
