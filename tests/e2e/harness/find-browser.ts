import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../../../scripts/electron-binary.js';

export interface BrowserChoice {
  /** The Chromium the e2e tests drive, or null when none is installed. */
  chromium: string | null;
  /** Where an Electron binary is installed; the current tests still run against browser mode. */
  electron: string | null;
  /** One sentence on what was found, for the test log or the failure message. */
  message: string;
}

const systemChromiums = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** In order: an Electron binary (reported), CHROMIUM_PATH, then the Debian/Ubuntu/Chrome system paths. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): BrowserChoice {
  const electron = findElectronBinary(repoRoot);
  const candidates = [...(env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : []), ...systemChromiums];
  const chromium = candidates.find((path) => existsSync(path)) ?? null;
  const prefix = electron ? `Electron binary present (${electron}); the end-to-end tests use browser mode. ` : '';
  const message = chromium
    ? `${prefix}Driving ${chromium}.`
    : `${prefix}No Chromium found (looked at ${candidates.join(', ')}): install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH.`;
  return { chromium, electron, message };
}
