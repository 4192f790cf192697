import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contentPath } from '../library-paths';

export interface StoreFile {
  sha256: string;
  ext: string;
  bytes: number;
}

const storeName = /^([0-9a-f]{64})\.([A-Za-z0-9]{1,10})$/;

/**
 * The originals present in a content store (store/<aa>/<sha256>.<ext>). Names are trusted, not
 * re-hashed: reading every original would make a backup as slow as copying them; a restore hashes
 * what it copies back.
 */
export function listStoreFiles(store: string): StoreFile[] {
  if (!existsSync(store)) return [];
  const files: StoreFile[] = [];
  for (const fan of readdirSync(store, { withFileTypes: true })) {
    if (!fan.isDirectory() || !/^[0-9a-f]{2}$/.test(fan.name)) continue;
    for (const f of readdirSync(join(store, fan.name), { withFileTypes: true })) {
      const m = storeName.exec(f.name);
      if (!f.isFile() || !m || !m[1]!.startsWith(fan.name)) continue;
      files.push({ sha256: m[1]!, ext: m[2]!, bytes: statSync(join(store, fan.name, f.name)).size });
    }
  }
  return files.sort((a, b) => a.sha256.localeCompare(b.sha256));
}

export const storeFilePath = (store: string, f: { sha256: string; ext: string }): string => contentPath(store, f.sha256, `.${f.ext}`);
