import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { localAdmin, type RequestContext } from '../../electron/core/api/context';
import { detectorPool } from '../../electron/core/faces/detector-pool';
import type { Library } from '../../electron/core/library';
import { startMediaImport } from '../../electron/core/media/import-service';
import type { Person } from '../../shared/types';
import { tempLibrary, type TempLibrary } from '../helpers/temp-library';

/**
 * Helpers for the face tests. The fixture portraits show adults (public figures and an astronaut),
 * not children; recall and matching numbers measured on them say nothing certain about children.
 */
export const facesDir = resolve(import.meta.dirname, '../fixtures/faces');
export const fixture = (name: string) => join(facesDir, name);
export const expected = JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as Record<string, { faces: number }>;

export const reviewer: RequestContext = { ...localAdmin, actor: 'reviewer' };

/** A temporary library whose cleanup also stops the detector threads the test started. */
export function faceLibrary(prefix = 'cf-faces-'): Omit<TempLibrary, 'cleanup'> & { cleanup: () => Promise<void> } {
  const temp = tempLibrary(prefix);
  return {
    ...temp,
    cleanup: async () => {
      await detectorPool().close();
      temp.cleanup();
    },
  };
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Imports files through the real import; returns their media ids in the order given. */
export async function importFiles(lib: Library, paths: string[]): Promise<number[]> {
  const report = await startMediaImport(lib, localAdmin, paths, { license: 'school_owned' }).done;
  if (report.failed.length > 0) throw new Error(`import failed: ${JSON.stringify(report.failed)}`);
  return paths.map((p) => lib.repos.media.getBySha(sha256(p))!.id);
}

export function addPerson(lib: Library, firstName: string, lastName = 'Tester', externalId: string | null = null): Person {
  return lib.repos.people.create({ externalId, firstName, lastName, role: 'staff', classId: null, schoolId: null, dateOfBirth: null });
}

/** Faces of a media item sorted left to right (then top to bottom). */
export function facesLeftToRight(lib: Library, mediaId: number) {
  return lib.repos.faces.ofMedia(mediaId).sort((a, b) => a.box.x - b.box.x || a.box.y - b.box.y);
}
