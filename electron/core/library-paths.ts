import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives for the app name
 * "ClearFrame", so the desktop app, browser mode and the CLI open the same library by default.
 */
export function defaultLibraryHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CLEARFRAME_HOME) return env.CLEARFRAME_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'ClearFrame');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'ClearFrame');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'ClearFrame');
}

export interface LibraryPaths {
  home: string;
  database: string;
  store: string;
  thumbs: string;
  previews: string;
  evidence: string;
  tmp: string;
  backups: string;
}

export function libraryPaths(home: string): LibraryPaths {
  return {
    home,
    database: join(home, 'library.sqlite'),
    store: join(home, 'store'),
    thumbs: join(home, 'thumbs'),
    previews: join(home, 'previews'),
    evidence: join(home, 'evidence'),
    tmp: join(home, 'tmp'),
    backups: join(home, 'backups'),
  };
}

/** Content-addressed files are fanned out by the first two hex digits to keep folders small. */
export function contentPath(root: string, sha256: string, ext: string): string {
  return join(root, sha256.slice(0, 2), `${sha256}${ext}`);
}
