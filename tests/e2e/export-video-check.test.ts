import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { openLibrary } from '../../electron/core/library';
import { addOfficialChannel } from '../../electron/core/publishing/identities';
import { createSchool } from '../../electron/core/services/org-service';
import { importMedia, markDetected, movingFaceVideo } from '../integration/export-kit';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { saveScreenshot } from './harness/screenshots';

const root = mkdtempSync(join(tmpdir(), 'cf-e2e-export-video-'));
const home = join(root, 'library');
let app: LaunchedApp;

beforeAll(async () => {
  // A video with a tone nobody recorded the rights of, and no faces: its sound alone decides.
  const lib = openLibrary(home);
  createSchool(lib, localAdmin, 'oak', 'Oak School');
  const video = await movingFaceVideo(root);
  const [id] = await importMedia(lib, [video.path]);
  markDetected(lib, id);
  addOfficialChannel(lib, localAdmin, { identity: 'oak', channel: 'website', account: 'www.oak.example', url: null, photoMaxEdge: null, jpegQuality: null, videoMaxEdge: null, videoMaxKbps: null });
  lib.close();
  app = await launchApp({ home });
}, 60_000);

afterAll(async () => {
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

it('checks a video: blocked for its sound until the sound is left out, and says that videos get no preview', async () => {
  const { page } = app;
  page.setDefaultTimeout(15_000);
  await page.locator('.language-switch select').selectOption('en');
  await page.getByRole('gridcell').first().click();
  await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Check for a channel…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check 1 item for a channel' });
  await dialog.getByText('Sound without rights').waitFor();
  await dialog.getByText('0 may be published, 0 with blurred faces, 1 blocked.').waitFor();

  await dialog.getByRole('checkbox', { name: 'Leave out the sound of videos' }).check();
  await dialog.getByText('1 may be published, 0 with blurred faces, 0 blocked.').waitFor();
  await dialog.getByRole('button', { name: 'Preview moving-face.mp4' }).click();
  await dialog.getByText(/Videos are not previewed/).waitFor();
  expect(await dialog.getByRole('img', { name: /as it will be exported/ }).count()).toBe(0);
  await saveScreenshot(page, 'e2e-export-video-check-en');

  // Nothing exported yet: the register says how it fills.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('link', { name: 'Publication register' }).click();
  await page.getByText('No publications yet. Export from the library to publish.').waitFor();
  await saveScreenshot(page, 'e2e-publications-empty-en');
  expect(app.errors).toEqual([]);
});
