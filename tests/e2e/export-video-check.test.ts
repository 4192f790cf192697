import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localAdmin } from '../../electron/core/api/context';
import { openLibrary } from '../../electron/core/library';
import { addOfficialChannel } from '../../electron/core/publishing/identities';
import { createSchool } from '../../electron/core/services/org-service';
import { addConsent, addFace, addPerson, importMedia, markDetected, movingFaceVideo } from '../integration/export-kit';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { saveScreenshot } from './harness/screenshots';

const root = mkdtempSync(join(tmpdir(), 'cf-e2e-export-video-'));
const home = join(root, 'library');
let app: LaunchedApp;

beforeAll(async () => {
  // A video with a tone nobody recorded the rights of: its sound decides whether it may go. The face in it
  // is of someone who refused, found in two stretches (the detector lost it in between): two tracks to blur.
  const lib = openLibrary(home);
  createSchool(lib, localAdmin, 'oak', 'Oak School');
  const video = await movingFaceVideo(root);
  const [id] = await importMedia(lib, [video.path]);
  markDetected(lib, id);
  const bob = addPerson(lib, { firstName: 'Bob' }).id;
  addConsent(lib, bob, 'website', 'refused', '2020-01-01');
  for (const times of [[0, 0.5, 1, 1.5], [2, 2.5, 3, 3.5]]) {
    const track = times.map((time) => ({ time, box: video.faceAt(time) }));
    addFace(lib, id, track[0]!.box, { state: 'person', personId: bob }, track);
  }
  addOfficialChannel(lib, localAdmin, { identity: 'oak', channel: 'website', account: 'www.oak.example', url: null, photoMaxEdge: null, jpegQuality: null, videoMaxEdge: null, videoMaxKbps: null });
  lib.close();
  app = await launchApp({ home });
}, 60_000);

afterAll(async () => {
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

it('checks a video: blocked for its sound until the sound is left out, and previews its frames as they will be written', async () => {
  const { page } = app;
  page.setDefaultTimeout(15_000);
  await page.locator('.language-switch select').selectOption('en');
  await page.getByRole('gridcell').first().click();
  await page.getByRole('region', { name: 'Selection' }).getByRole('button', { name: 'Check for a channel…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check 1 item for a channel' });
  await dialog.getByText('Sound without rights').waitFor();
  await dialog.getByText('0 may be published, 0 with blurred faces, 1 blocked.').waitFor();

  await dialog.getByRole('checkbox', { name: 'Leave out the sound of videos' }).check();
  await dialog.getByText('0 may be published, 1 with blurred faces, 0 blocked.').waitFor();
  await dialog.getByRole('button', { name: 'Preview moving-face.mp4' }).click();
  // A frame in the middle of each track, the first one shown large.
  const pane = dialog.getByRole('region', { name: 'Preview of moving-face.mp4' });
  await pane.getByRole('img', { name: 'Frame at 0:00.8 of moving-face.mp4 as it will be exported' }).waitFor();
  const frames = pane.getByRole('group', { name: 'Frames of moving-face.mp4' }).getByRole('button');
  expect(await frames.allTextContents()).toEqual(['0:00.8', '0:02.8']);
  await pane.getByText('The sound is left out.').waitFor();
  expect(await pane.getByText('640 × 360 pixels').count()).toBe(1);
  expect(await pane.getByRole('img', { name: 'Frame at 0:00.8 of moving-face.mp4 as it will be exported' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);

  // The other frame, by keyboard.
  await frames.first().focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await pane.getByRole('img', { name: 'Frame at 0:02.8 of moving-face.mp4 as it will be exported' }).waitFor();
  expect(await frames.nth(1).getAttribute('aria-pressed')).toBe('true');
  await saveScreenshot(page, 'e2e-export-video-check-en');

  await page.locator('.language-switch select').selectOption('nl');
  const paneNl = page.getByRole('dialog').getByRole('region', { name: 'Voorbeeld van moving-face.mp4' });
  await paneNl.getByText('Het geluid wordt weggelaten.').waitFor();
  await paneNl.getByRole('img', { name: 'Beeld op 0:02,8 van moving-face.mp4 zoals het geëxporteerd wordt' }).waitFor();
  expect(await paneNl.getByRole('group', { name: 'Beelden uit moving-face.mp4' }).getByRole('button').allTextContents()).toEqual(['0:00,8', '0:02,8']);
  await saveScreenshot(page, 'e2e-export-video-check-nl');
  await page.locator('.language-switch select').selectOption('en');

  // Nothing exported yet: the register says how it fills.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('link', { name: 'Publication register' }).click();
  await page.getByText('No publications yet. Export from the library to publish.').waitFor();
  await saveScreenshot(page, 'e2e-publications-empty-en');
  expect(app.errors).toEqual([]);
});
