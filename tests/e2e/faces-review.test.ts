import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FaceInfo, MediaFaces, PersonAppearance } from '../../shared/contract/faces';
import type { Person } from '../../shared/types';
import { launchApp, type LaunchedApp } from './harness/launch-app';
import { api, finishedJob } from './harness/page-api';
import { saveScreenshot } from './harness/screenshots';

let app: LaunchedApp;
const media = new Map<string, number>();
let yasmina: Person;

const facesOf = (page: Page, name: string) => api<MediaFaces>(page, 'faces.forMedia', { media: String(media.get(name)) });
const badge = (page: Page) => page.locator('.faces-section .face-badge');

beforeAll(async () => {
  app = await launchApp();
  const { page } = app;
  await page.locator('.language-switch select').selectOption('en');
  // These tests choose what is detected and when: no detection job of the app's own after the demo's imports.
  await api(page, 'faces.updateSettings', { detectAfterImport: false });
  await finishedJob(page, (await api<{ jobId: number }>(page, 'library.loadDemo', {})).jobId);
  const items = (await api<{ items: { id: number; name: string }[] }>(page, 'media.list', { offset: 0, limit: 100 })).items;
  for (const m of items) media.set(m.name, m.id);
  // Detection is CPU heavy: only the media these tests look at.
  const names = ['two_people.jpg', 'obama.jpg', 'biden.jpg', 'pd-collage-12.jpg', 'portrait-pan.mp4'];
  await finishedJob(page, (await api<{ jobId: number }>(page, 'faces.detect', { media: names.map((n) => String(media.get(n))) })).jobId);
  yasmina = (await api<Person[]>(page, 'people.list', { search: 'Yasmina' }))[0]!;
}, 120_000);

afterAll(async () => {
  await app?.close();
});

it('tags a face with the keyboard, marks another as not a face, and the media state follows', async () => {
  const { page } = app;
  await page.goto(new URL(`/#/library/${media.get('two_people.jpg')}`, page.url()).href);
  await expect.poll(() => badge(page).textContent()).toBe('2 faces to review');
  expect(await badge(page).getAttribute('data-state')).toBe('unresolved');

  // N goes to the first face (left to right); typing a letter opens the person search with it.
  await page.keyboard.press('n');
  const first = page.locator('.face-box').first();
  await expect.poll(() => first.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('y');
  const search = page.getByRole('dialog', { name: 'Who is this?' });
  await search.waitFor();
  await page.keyboard.type('asmina');
  expect(await search.getByRole('option', { selected: true }).textContent()).toContain('Yasmina El Amrani');
  await page.keyboard.press('Enter');
  await search.waitFor({ state: 'detached' });

  // Focus moved on to the other face by itself: X marks it as not a face.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-face'))).not.toBe(await first.getAttribute('data-face'));
  await page.keyboard.press('x');
  await expect.poll(() => badge(page).textContent()).toBe('All 2 faces resolved');
  expect(await badge(page).getAttribute('data-state')).toBe('resolved');
  await page.locator('.face-box', { hasText: 'Yasmina El Amrani' }).waitFor();
  await page.locator('.face-box', { hasText: 'Not a face' }).waitFor();
  await saveScreenshot(page, 'e2e-faces-tagged');

  const faces = (await facesOf(page, 'two_people.jpg')).faces.sort((a, b) => a.box.x - b.box.x);
  expect(faces.map((f) => [f.state, f.personId])).toEqual([
    ['person', yasmina.id],
    ['not_a_face', null],
  ]);

  // U takes the decision on the focused face back; the media is open again.
  await page.keyboard.press('u');
  await expect.poll(() => badge(page).textContent()).toBe('1 face to review');
  expect((await facesOf(page, 'two_people.jpg')).summary).toEqual({ state: 'unresolved', total: 2, unresolved: 1 });
  expect(app.errors).toEqual([]);
});

it('confirms the faces suggested as one person in one action from the review queue', async () => {
  const { page } = app;
  // Yasmina's record allows face matching; the face in obama.jpg is her reference.
  const reference = (await facesOf(page, 'obama.jpg')).faces[0]!;
  await api(page, 'faces.assign', { faces: [reference.id], to: { verdict: 'person', person: String(yasmina.id) } });
  await api(page, 'people.setFaceMatching', { person: String(yasmina.id), allowed: true });
  await api(page, 'people.addReference', { person: String(yasmina.id), face: reference.id });
  await finishedJob(page, (await api<{ jobId: number }>(page, 'faces.suggest', {})).jobId);
  // A person is suggested at most once per photo or video: here in the collage and in the video.
  const suggested = await api<FaceInfo[]>(page, 'faces.list', { suggestedPerson: String(yasmina.id) });
  expect(new Set(suggested.map((f) => f.mediaId))).toEqual(new Set([media.get('pd-collage-12.jpg'), media.get('portrait-pan.mp4')]));

  await page.goto(new URL('/#/faces', page.url()).href);
  const group = page.locator('.review-group', { hasText: 'Suggested: Yasmina El Amrani' });
  await group.getByText('2 faces in 2 photos and videos').waitFor();
  await page.locator('.review-group', { hasText: 'No suggestion' }).waitFor();
  await saveScreenshot(page, 'e2e-faces-queue');
  await group.getByRole('link', { name: 'Review' }).click();

  // All selected; the reviewer unticks one, then confirms the rest with one click.
  const boxes = page.getByRole('list', { name: 'Faces suggested as Yasmina El Amrani' }).getByRole('checkbox');
  await expect.poll(() => boxes.count()).toBe(2);
  await page.getByRole('button', { name: 'Confirm 2 faces as Yasmina El Amrani' }).waitFor();
  await boxes.first().uncheck();
  await saveScreenshot(page, 'e2e-faces-group');
  await page.getByRole('button', { name: 'Confirm 1 face as Yasmina El Amrani' }).click();
  await page.getByRole('status').getByText('1 face confirmed as Yasmina El Amrani.').waitFor();

  // The unticked face is still waiting with its suggestion; the other is tagged, in one faces.assign.
  const left = await api<FaceInfo[]>(page, 'faces.list', { suggestedPerson: String(yasmina.id) });
  expect(left.length).toBe(1);
  const confirmed = suggested.find((f) => f.id !== left[0]!.id)!;
  const tagged = await api<FaceInfo[]>(page, 'faces.list', { person: String(yasmina.id), states: ['person'] });
  expect(tagged.map((f) => f.id)).toEqual(expect.arrayContaining([reference.id, confirmed.id]));
  expect(tagged.map((f) => f.id)).not.toContain(left[0]!.id);
  const appearances = await api<PersonAppearance[]>(page, 'faces.ofPerson', { person: String(yasmina.id) });
  expect(appearances.map((a) => a.mediaId)).toEqual(expect.arrayContaining([media.get('obama.jpg'), confirmed.mediaId]));
  expect(app.errors).toEqual([]);
});

it('shows where a person is tagged and deletes their references when face matching is turned off', async () => {
  const { page } = app;
  await page.goto(new URL(`/#/people/${yasmina.classId}`, page.url()).href);
  await page.getByRole('button', { name: 'Yasmina El Amrani', exact: true }).first().click();
  const panel = page.getByRole('complementary', { name: 'Yasmina El Amrani' });
  const appearances = await api<PersonAppearance[]>(page, 'faces.ofPerson', { person: String(yasmina.id) });
  await expect.poll(() => panel.locator('.person-media-grid a').count()).toBe(appearances.length);
  expect(await panel.locator('.person-media-grid a').first().getAttribute('href')).toBe(`#/library/${appearances[0]!.mediaId}`);
  await expect.poll(() => panel.locator('.reference').count()).toBe(1);

  const matching = panel.getByRole('switch', { name: 'Face matching allowed for Yasmina El Amrani' });
  expect(await matching.isChecked()).toBe(true);
  await matching.click();
  const ask = page.getByRole('dialog', { name: 'Turn off face matching for Yasmina El Amrani?' });
  await saveScreenshot(page, 'e2e-faces-matching-off');
  await ask.getByRole('button', { name: 'Turn off and delete' }).click();
  await expect.poll(() => matching.isChecked()).toBe(false);
  expect(await panel.locator('.reference').count()).toBe(0);
  const status = await api<{ allowed: boolean; references: unknown[] }>(page, 'people.faceMatching', { person: String(yasmina.id) });
  expect(status).toMatchObject({ allowed: false, references: [] });
  // Withdrawing took back the open suggestion that was left.
  expect(await api<FaceInfo[]>(page, 'faces.list', { suggestedPerson: String(yasmina.id) })).toEqual([]);
  expect(app.errors).toEqual([]);
});

it('adds a face the detector missed by drawing a box, and decides it in the same search', async () => {
  const { page } = app;
  await page.goto(new URL(`/#/library/${media.get('biden.jpg')}`, page.url()).href);
  await expect.poll(() => badge(page).textContent()).toBe('1 face to review');
  const layer = page.locator('.face-layer');
  const area = (await layer.boundingBox())!;
  await page.mouse.move(area.x + area.width * 0.05, area.y + area.height * 0.6);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width * 0.15, area.y + area.height * 0.7, { steps: 4 });
  await page.mouse.up();
  const search = page.getByRole('dialog', { name: 'Who is this?' });
  await search.waitFor();
  await search.getByRole('button', { name: /Not identifiable/ }).click();
  await expect.poll(() => badge(page).textContent()).toBe('1 face to review');
  const faces = (await facesOf(page, 'biden.jpg')).faces;
  const drawn = faces.find((f) => f.source === 'manual');
  expect(drawn?.state).toBe('not_identifiable');
  expect(drawn!.box.x).toBeCloseTo(0.05, 1);
  expect(drawn!.box.w).toBeCloseTo(0.1, 1);
  expect(faces.length).toBe(2);
  expect(app.errors).toEqual([]);
});
