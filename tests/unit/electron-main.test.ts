import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../shared/contract';
import type { Bridge } from '../../shared/contract/bridge';
import { openLibrary } from '../../electron/core/library';
import type { CoreClient } from '../../electron/main/core-client';
import { createCoreHost } from '../../electron/main/core-host';
import type { FromCore } from '../../electron/main/core-messages';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const windows: { options: Record<string, unknown>; loaded: string[] }[] = [];
  const exposed: Record<string, unknown> = {};
  const invoked: { channel: string; input: unknown }[] = [];
  const schemes: { scheme: string; privileges: Record<string, boolean> }[] = [];
  class BrowserWindow {
    webContents = { send: () => undefined };
    constructor(readonly options: Record<string, unknown>) {
      windows.push({ options, loaded: [] });
    }
    once() {}
    loadURL(url: string) {
      windows.at(-1)?.loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    windows,
    exposed,
    invoked,
    schemes,
    module: {
      BrowserWindow,
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (channel: string, input: unknown) => {
          invoked.push({ channel, input });
          return { ok: true, value: channel };
        },
        on: () => undefined,
        removeListener: () => undefined,
      },
      webUtils: { getPathForFile: (f: { name: string }) => (f.name === 'pasted' ? '' : `/home/teacher/${f.name}`) },
      protocol: {
        registerSchemesAsPrivileged: (list: typeof schemes) => void schemes.push(...list),
        handle: () => undefined,
      },
    },
  };
});
vi.mock('electron', () => ({ ...electron.module, default: electron.module }));

const fakeCore = (): CoreClient & { calls: { name: string; input: unknown }[] } => {
  const calls: { name: string; input: unknown }[] = [];
  return {
    calls,
    invoke: async (name, input) => {
      calls.push({ name, input });
      return { ok: true, value: name };
    },
    mediaFile: async () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
    onEvent: () => undefined,
    close: async () => undefined,
  };
};

describe('IPC wiring', () => {
  const origin = 'clearframe-app://app';

  it('registers one handler per contract command, on cf:<name>, relayed to the core', async () => {
    const { registerIpc } = await import('../../electron/main/ipc');
    const handlers = new Map<string, Listener>();
    const core = fakeCore();
    registerIpc({ handle: (channel: string, fn: Listener) => handlers.set(channel, fn) } as never, core, origin);

    expect([...handlers.keys()].sort()).toEqual(commandNames.map((n) => `cf:${n}`).sort());
    const event = { senderFrame: { url: `${origin}/index.html` } };
    const result = await handlers.get('cf:library.status')?.(event, { x: 1 });
    expect(result).toEqual({ ok: true, value: 'library.status' });
    expect(core.calls).toEqual([{ name: 'library.status', input: { x: 1 } }]);
  });

  it('refuses calls from any frame but the app page', async () => {
    const { registerIpc } = await import('../../electron/main/ipc');
    const handlers = new Map<string, Listener>();
    const core = fakeCore();
    registerIpc({ handle: (channel: string, fn: Listener) => handlers.set(channel, fn) } as never, core, origin);
    for (const url of ['https://evil.example/', 'clearframe-app://app.evil/x', 'file:///etc/passwd', '']) {
      const result = await handlers.get('cf:people.list')?.({ senderFrame: { url } }, {});
      expect(result, url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(core.calls).toEqual([]);
  });
});

describe('window and session hardening', () => {
  it('opens the window with isolation, sandbox and no Node', async () => {
    const { createMainWindow } = await import('../../electron/main/window');
    createMainWindow('/app/out/preload/index.cjs', 'clearframe-app://app/index.html');
    const { options, loaded } = electron.windows.at(-1)!;
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(loaded).toEqual(['clearframe-app://app/index.html']);
  });

  it('blocks navigation, new windows, webviews and permissions, and sets the CSP', async () => {
    const { hardenApp } = await import('../../electron/main/security');
    const { electronCsp } = await import('../../electron/main/content-security');
    let created: Listener = () => undefined;
    let permissionRequest: Listener = () => undefined;
    let permissionCheck: Listener = () => undefined;
    let headers: Listener = () => undefined;
    const app = { on: (name: string, fn: Listener) => name === 'web-contents-created' && (created = fn) };
    const session = {
      setPermissionRequestHandler: (fn: Listener) => (permissionRequest = fn),
      setPermissionCheckHandler: (fn: Listener) => (permissionCheck = fn),
      webRequest: { onHeadersReceived: (fn: Listener) => (headers = fn) },
    };
    hardenApp(app as never, session as never, electronCsp(false));

    const contentsListeners = new Map<string, Listener>();
    let openHandler: Listener = () => undefined;
    created({}, { on: (name: string, fn: Listener) => contentsListeners.set(name, fn), setWindowOpenHandler: (fn: Listener) => (openHandler = fn) });
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      contentsListeners.get(name)?.(event, 'https://evil.example/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const granted = vi.fn();
    permissionRequest({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(permissionCheck({}, 'notifications')).toBe(false);

    const reply = vi.fn();
    headers({ responseHeaders: { 'Content-Type': ['text/html'] } }, reply);
    const csp = String(reply.mock.calls[0]?.[0].responseHeaders['Content-Security-Policy']);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain('img-src \'self\' data: blob: clearframe-media:');
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('registers the media scheme as secure and streamable before ready', async () => {
    const { registerSchemes } = await import('../../electron/main/protocols');
    registerSchemes();
    expect(electron.schemes.find((s) => s.scheme === 'clearframe-media')?.privileges).toMatchObject({ secure: true, stream: true, standard: true });
    expect(electron.schemes.find((s) => s.scheme === 'clearframe-app')?.privileges).toMatchObject({ secure: true, standard: true });
  });
});

describe('protocol addresses', () => {
  it('resolves media by variant and numeric id only', async () => {
    const { parseMediaUrl } = await import('../../electron/main/protocol-paths');
    expect(parseMediaUrl('clearframe-media://thumb/12')).toEqual({ variant: 'thumb', mediaId: 12 });
    expect(parseMediaUrl('clearframe-media://original/7')).toEqual({ variant: 'original', mediaId: 7 });
    for (const url of [
      'clearframe-media://thumb/../../etc/passwd',
      'clearframe-media://thumb/%2e%2e%2fetc',
      'clearframe-media://thumb//etc/passwd',
      'clearframe-media://evidence/1',
      'clearframe-media://thumb/0',
      'clearframe-media://thumb/1?x=/etc/passwd',
      'file:///etc/passwd',
    ]) {
      expect(parseMediaUrl(url), url).toBeNull();
    }
  });

  it('serves only files under the built renderer, with index.html for app routes', async () => {
    const { rendererFile } = await import('../../electron/main/protocol-paths');
    const root = '/app/out/renderer';
    expect(rendererFile(root, 'clearframe-app://app/assets/index-1.js')).toBe('/app/out/renderer/assets/index-1.js');
    expect(rendererFile(root, 'clearframe-app://app/')).toBe('/app/out/renderer/index.html');
    expect(rendererFile(root, 'clearframe-app://app/people/3')).toBe('/app/out/renderer/index.html');
    expect(rendererFile(root, 'clearframe-app://app/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(rendererFile(root, 'clearframe-app://other/index.html')).toBeNull();
  });
});

describe('preload bridge', () => {
  it('exposes window.clearframe over the contract channels and nothing else', async () => {
    await import('../../electron/preload/index');
    expect(Object.keys(electron.exposed)).toEqual(['clearframe']);
    const bridge = electron.exposed.clearframe as Bridge;
    expect(bridge.platform).toBe('electron');

    expect(await bridge.invoke('library.status', {})).toEqual({ ok: true, value: 'cf:library.status' });
    const unknown = await bridge.invoke('shell.exec' as never, {} as never);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(electron.invoked.map((c) => c.channel)).toEqual(['cf:library.status']);

    expect(bridge.mediaUrl('thumb', 42)).toBe('clearframe-media://thumb/42');
    expect(await bridge.stageFiles([{ name: 'a.jpg' }, { name: 'b.mov' }] as File[])).toEqual({
      ok: true,
      value: ['/home/teacher/a.jpg', '/home/teacher/b.mov'],
    });
    expect(await bridge.stageFiles([{ name: 'pasted' }] as File[])).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});

describe('core host (utility process side)', () => {
  let home: string | undefined;
  afterEach(() => {
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('answers commands, forwards events and resolves media through the library', async () => {
    home = mkdtempSync(join(tmpdir(), 'cf-core-host-'));
    const lib = openLibrary(home);
    const sent: FromCore[] = [];
    const handle = createCoreHost(lib, (m) => sent.push(m));
    await handle({ kind: 'invoke', id: 1, name: 'library.status', input: {} });
    await handle({ kind: 'invoke', id: 2, name: 'org.setFoundationName', input: { name: 'Stichting Test' } });
    await handle({ kind: 'invoke', id: 3, name: 'nope', input: {} });
    await handle({ kind: 'media', id: 4, variant: 'thumb', mediaId: 999 });
    lib.close();

    const replies = new Map(sent.flatMap((m) => (m.kind === 'reply' ? [[m.id, m.result] as const] : [])));
    expect(replies.get(1)).toMatchObject({ ok: true, value: { library: home, empty: true } });
    expect(replies.get(2)).toMatchObject({ ok: true });
    expect(replies.get(3)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(replies.get(4)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(sent).toContainEqual({ kind: 'event', name: 'library.changed', payload: { what: 'org' } });
  });
});
