import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ImportFileError } from './import-failure';
import { contentPath } from '../library-paths';

const chunkSize = 1024 * 1024;

/** Library files hold personal data: readable by the owner only. */
export const privateFile = 0o600;

async function exists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}

/** Streams a file through sha256 without holding it in memory. */
export async function hashFile(path: string, signal?: AbortSignal): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  const buffer = Buffer.allocUnsafe(chunkSize);
  let bytes = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await file.read(buffer, 0, chunkSize, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
  } finally {
    await file.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}

export function tempPath(tmpDir: string, suffix = ''): string {
  return join(tmpDir, `${randomBytes(12).toString('hex')}${suffix}`);
}

/**
 * Moves a finished temporary file to its final place. The rename is atomic, so a reader (or a crash)
 * sees either no file or the whole file, never a half-written one.
 */
export async function publishFile(tmp: string, finalPath: string): Promise<void> {
  await mkdir(dirname(finalPath), { recursive: true, mode: 0o700 });
  await rename(tmp, finalPath);
}

/**
 * Copies an original into the content-addressed store: written under a random name in tmp/, flushed
 * to disk, then renamed to store/<aa>/<sha256>.<ext>. The copy is hashed again on the way, so a file
 * that changed since it was first hashed is refused instead of stored under the wrong name. A file
 * already at its content path (left by an earlier, interrupted import) is complete and reused.
 */
export async function copyIntoStore(
  source: string,
  expectedSha: string,
  ext: string,
  dirs: { store: string; tmp: string },
  signal?: AbortSignal,
): Promise<string> {
  const finalPath = contentPath(dirs.store, expectedSha, `.${ext}`);
  if (await exists(finalPath)) return finalPath;
  const tmp = tempPath(dirs.tmp, `.${ext}`);
  const hash = createHash('sha256');
  const input = await open(source, 'r');
  const output = await open(tmp, 'wx', privateFile);
  const buffer = Buffer.allocUnsafe(chunkSize);
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await input.read(buffer, 0, chunkSize, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      await output.write(buffer, 0, bytesRead);
    }
    await output.sync();
  } catch (err) {
    await output.close();
    await rm(tmp, { force: true });
    throw err;
  } finally {
    await input.close();
  }
  await output.close();
  if (hash.digest('hex') !== expectedSha) {
    await rm(tmp, { force: true });
    throw new ImportFileError('conflict', { code: 'file_changed', params: {} }, 'The file changed while it was being imported; import it again when nothing is writing to it.');
  }
  await publishFile(tmp, finalPath);
  return finalPath;
}
