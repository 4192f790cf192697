import { afterAll, describe, expect, it } from 'vitest';
import { detectFacesAfterImports } from '../../electron/core/faces/detect-after-import';
import type { JobInfo } from '../../shared/contract/jobs';
import { faceLibrary, fixture, importFiles } from './faces-kit';

/** In the app, an import is followed by face detection as a job of its own (public-domain portraits of adults). */
const t = faceLibrary();
afterAll(() => t.cleanup());

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
});
