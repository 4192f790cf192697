import { afterAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/api/handlers';
import { dispatch } from '../../electron/core/api/dispatch';
import { detectFacesAfterImports } from '../../electron/core/faces/detect-after-import';
import type { JobInfo } from '../../shared/contract/jobs';
import { faceLibrary, fixture, importFiles, reviewer } from './faces-kit';

/** In the app, an import is followed by face detection as a job of its own (public-domain portraits of adults). */
const t = faceLibrary();
afterAll(() => t.cleanup());

const faceJobs = () => t.lib.jobs.list().filter((j) => j.kind === 'faces');
const settings = (change: Record<string, unknown>) => dispatch(createHandlers(t.lib), 'faces.updateSettings', change, reviewer);

describe('face detection after import', () => {
  it('starts a detection job when an import finishes, and scans what came in', async () => {
    const stop = detectFacesAfterImports(t.lib);
    const detected = new Promise<JobInfo>((resolve) =>
      t.lib.events.onAny((name, payload) => {
        if (name === 'job.finished' && (payload as JobInfo).kind === 'faces') resolve(payload as JobInfo);
      }),
    );
    const [id] = await importFiles(t.lib, [fixture('two_people.jpg')]);
    expect(await detected).toMatchObject({ status: 'done', title: 'Face detection' });
    expect(t.lib.repos.faces.ofMedia(id!)).toHaveLength(2);
    expect(t.lib.repos.audit.list(1000).find((e) => e.action === 'faces.detected')).toMatchObject({ actor: 'clearframe (after import)', subject: `media:${id}` });
    stop();
  }, 60_000);

  it('is on by default, and a school can switch it off in the face settings (audited)', async () => {
    expect(await dispatch(createHandlers(t.lib), 'faces.settings', {}, reviewer)).toMatchObject({ ok: true, value: { detectAfterImport: true } });
    expect(await settings({ detectAfterImport: 'no' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await settings({ detectAfterImport: false })).toMatchObject({ ok: true, value: { detectAfterImport: false, minFacePx: 32 } });
    const changed = t.lib.repos.audit.list(1000).find((e) => e.action === 'faces.settings_changed');
    expect(JSON.parse(String(changed?.details))).toMatchObject({ before: { detectAfterImport: true }, after: { detectAfterImport: false } });
  });

  it('honours the setting as it is when an import finishes', async () => {
    const stop = detectFacesAfterImports(t.lib);
    const before = faceJobs().length;
    const [obama] = await importFiles(t.lib, [fixture('obama.jpg')]);
    // A detection job would have been started while the import's end was announced, before this line.
    expect(faceJobs()).toHaveLength(before);
    expect(t.lib.repos.media.list({ faces: 'not_scanned' }, 0, 10).items.map((m) => m.id)).toEqual([obama]);

    expect(await settings({ detectAfterImport: true })).toMatchObject({ ok: true });
    const detected = new Promise<JobInfo>((resolve) =>
      t.lib.events.onAny((name, payload) => {
        if (name === 'job.finished' && (payload as JobInfo).kind === 'faces') resolve(payload as JobInfo);
      }),
    );
    const [biden] = await importFiles(t.lib, [fixture('biden.jpg')]);
    expect(faceJobs()).toHaveLength(before + 1);
    expect(await detected).toMatchObject({ status: 'done' });
    stop();
    // The run covers everything not scanned yet, also what came in while the setting was off.
    expect(t.lib.repos.media.list({ faces: 'not_scanned' }, 0, 10).total).toBe(0);
    expect([obama, biden].map((id) => t.lib.repos.faces.ofMedia(id!).length)).toEqual([1, 1]);
  }, 60_000);

  it('stops watching: after stop, an import starts no detection', async () => {
    const stop = detectFacesAfterImports(t.lib);
    stop();
    const before = faceJobs().length;
    await importFiles(t.lib, [fixture('astronaut.png')]);
    expect(faceJobs()).toHaveLength(before);
  }, 60_000);
});
