import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { closeAppLibrary } from '../../electron/core/close-app-library';
import { detectFacesAfterImports } from '../../electron/core/faces/detect-after-import';
import { detectorPool } from '../../electron/core/faces/detector-pool';
import { openLibrary } from '../../electron/core/library';
import { startMediaImport } from '../../electron/core/media/import-service';
import { startServer } from '../../electron/server/server';
import type { JobInfo } from '../../shared/contract/jobs';
import { facesDir } from './faces-kit';
import { rawRequest } from './server-http';

/**
 * Closing the app's library while face detection runs: the job is cancelled and awaited, the detector
 * threads end and nothing rejects unhandled. The photos are public-domain portraits of adults.
 */
const images = readdirSync(facesDir)
  .filter((f) => /\.(jpe?g|png)$/.test(f))
  .map((f) => join(facesDir, f));

const root = mkdtempSync(join(tmpdir(), 'cf-faces-close-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

/** Lets pending promise callbacks (and any unhandled rejection report) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('closing the library while faces are detected', () => {
  it('cancels the detection job that followed the import, ends the detector threads and closes the database', async () => {
    expect(images.length).toBeGreaterThanOrEqual(8);
    const lib = openLibrary(join(root, 'direct'));
    const stopDetecting = detectFacesAfterImports(lib);
    const finished: JobInfo[] = [];
    lib.events.onAny((name, payload) => {
      if (name === 'job.finished') finished.push(payload as JobInfo);
    });
    // Close as soon as the first photo is done: several are still being detected or waiting.
    const closed = new Promise<void>((resolve, reject) => {
      lib.events.onAny((name, payload) => {
        const job = payload as JobInfo;
        if (name !== 'job.progress' || job.kind !== 'faces' || job.current < 1) return;
        stopDetecting();
        closeAppLibrary(lib).then(resolve, reject);
      });
    });
    await startMediaImport(lib, localAdmin, images, { license: 'school_owned' }).done;
    expect(detectorPool().size).toBeGreaterThan(0);
    await closed;
    await settle();
    expect(finished.map((j) => [j.kind, j.status])).toEqual([
      ['import', 'done'],
      ['faces', 'cancelled'],
    ]);
    expect(lib.db.open).toBe(false);
    expect(detectorPool().threads).toBe(0);
    expect(unhandled).toEqual([]);
  }, 120_000);

  it('browser mode: an import through the server starts detection, and closing the server stops it cleanly', async () => {
    const home = join(root, 'server');
    const server = await startServer({ home });
    const call = async (name: string, input: unknown) => {
      const res = await rawRequest(server.port, {
        method: 'POST',
        path: `/api/${name}`,
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      const result = JSON.parse(res.text) as { ok: boolean; value: unknown };
      expect(result.ok, res.text).toBe(true);
      return result.value;
    };
    await call('media.import', { paths: images });
    let faces: JobInfo | undefined;
    while (!faces || faces.current < 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      faces = ((await call('jobs.list', {})) as JobInfo[]).find((j) => j.kind === 'faces');
    }
    expect(faces).toMatchObject({ title: 'Face detection', status: 'running' });
    await server.close();
    await settle();
    expect(detectorPool().threads).toBe(0);
    expect(unhandled).toEqual([]);
    // The database was closed whole: it opens again, checks out, and holds what was detected before closing.
    const reopened = openLibrary(home);
    try {
      expect(reopened.integrity).toBe('ok');
      expect(reopened.repos.media.count()).toBe(images.length);
      expect(reopened.repos.media.list({ faces: 'not_scanned' }, 0, 100).total).toBeLessThan(images.length);
    } finally {
      reopened.close();
    }
  }, 120_000);
});
