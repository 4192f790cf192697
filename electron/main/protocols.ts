import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { mediaProtocol } from '../../shared/contract/bridge';
import type { CoreClient } from './core-client';
import { appProtocol, parseMediaUrl, rendererFile } from './protocol-paths';

/** Must run before the app is ready. `stream` lets video seek through Range requests. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appProtocol, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: mediaProtocol, privileges: { standard: true, secure: true, stream: true } },
  ]);
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

export function handleAppProtocol(root: string, csp: string): void {
  protocol.handle(appProtocol, async (request) => {
    const file = rendererFile(root, request.url);
    if (!file) return notFound();
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(res.body, { status: res.status, headers });
  });
}

/** Media by library id only: the core resolves the id to a file; the page never names a path. */
export function handleMediaProtocol(core: CoreClient): void {
  protocol.handle(mediaProtocol, async (request) => {
    const wanted = parseMediaUrl(request.url);
    if (!wanted) return new Response('Media addresses are clearframe-media://<variant>/<id>.', { status: 400 });
    const found = await core.mediaFile(wanted.variant, wanted.mediaId);
    if (!found.ok) return notFound();
    // net.fetch on file: answers Range requests itself; the page's headers are passed on for that.
    const res = await net.fetch(pathToFileURL(found.value.path).toString(), { headers: request.headers });
    const headers = new Headers(res.headers);
    headers.set('Content-Type', found.value.mime);
    return new Response(res.body, { status: res.status, headers });
  });
}
