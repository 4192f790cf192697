import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron executable installed by the electron package's postinstall, or null. Found from
 * node_modules/electron/path.txt and dist/ without requiring the package: require('electron') outside
 * Electron would try to download the binary.
 */
export function findElectronBinary(root) {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return null;
  const binary = join(pkg, 'dist', relative);
  return existsSync(binary) ? binary : null;
}
