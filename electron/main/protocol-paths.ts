import { resolve, sep } from 'node:path';
import type { MediaVariant } from '../../shared/contract/bridge';
import { mediaProtocol } from '../../shared/contract/bridge';

/** The renderer is served from its own scheme rather than file://, so it cannot read other files on disk. */
export const appProtocol = 'clearframe-app';
export const appOrigin = `${appProtocol}://app`;

const mediaUrl = new RegExp(`^${mediaProtocol}://(thumb|preview|original)/([1-9][0-9]{0,15})$`);

/** `clearframe-media://<variant>/<id>` → what to ask the library for; anything else (paths, dots, escapes) → null. */
export function parseMediaUrl(url: string): { variant: MediaVariant; mediaId: number } | null {
  const m = mediaUrl.exec(url);
  return m ? { variant: m[1] as MediaVariant, mediaId: Number(m[2]) } : null;
}

/** The file under the built renderer for an app URL; unknown paths get index.html, escapes get null. */
export function rendererFile(root: string, url: string): string | null {
  let pathname: string;
  try {
    const parsed = new URL(url);
    if (`${parsed.protocol}//${parsed.host}` !== appOrigin) return null;
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const base = resolve(root);
  const file = resolve(base, `.${pathname}`);
  if (pathname.includes('\0') || (file !== base && !file.startsWith(base + sep))) return null;
  return file === base || !/\.[a-z0-9]+$/i.test(file) ? resolve(base, 'index.html') : file;
}
