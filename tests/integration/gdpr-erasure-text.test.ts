import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErasureResult } from '../../shared/contract/gdpr';
import { localAdmin } from '../../electron/core/api/context';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { verifyAudit } from '../../electron/core/audit/audit-service';
import { createBackup } from '../../electron/core/backup/create-backup';
import { openLibrary, type Library } from '../../electron/core/library';
import { saveDetections } from '../../electron/core/faces/save-detections';
import { askDoubt } from '../../electron/core/publishing/doubt-service';
import { importMedia } from './export-kit';
import { gdprLibrary, type GdprLibrary } from './gdpr-kit';

/**
 * Erasure reaches free text that stays: a post's caption, a doubt's question and answer, a media
 * item's file name and the names embedded in its XMP (PersonInImage, MWG face regions, which also
 * became an imported face name). Sanne's name goes everywhere; her brother Daan's stays. The original
 * file keeps its XMP and is listed; backups made before still hold her, and can be deleted.
 */
let g: GdprLibrary;
let lib: Library;
let photo = 0;
let postId = 0;
let doubtId = 0;

function xmpNaming(people: string[]): string {
  const regions = people
    .map((name, i) => `<rdf:li><rdf:Description mwg-rs:Name="${name}" mwg-rs:Type="Face"><mwg-rs:Area stArea:x="${0.25 + i * 0.5}" stArea:y="0.4" stArea:w="0.2" stArea:h="0.3" stArea:unit="normalized"/></rdf:Description></rdf:li>`)
    .join('');
  return `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/" xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#">
<Iptc4xmpExt:PersonInImage><rdf:Bag>${people.map((p) => `<rdf:li>${p}</rdf:li>`).join('')}</rdf:Bag></Iptc4xmpExt:PersonInImage>
<mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag>${regions}</rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

const call = async <T>(name: string, input: unknown): Promise<T> => {
  const r = await dispatch(createHandlers(lib), name, input, localAdmin);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};

beforeAll(async () => {
  g = await gdprLibrary('cf-gdpr-text-');
  lib = openLibrary(g.home);
  const file = join(g.scratch, 'sanne_de_vries_sportdag.jpg');
  await sharp({ create: { width: 320, height: 240, channels: 3, background: '#6a8' } })
    .jpeg()
    .withXmp(xmpNaming(['Sanne de Vries', 'Daan de Vries']))
    .toFile(file);
  [photo] = await importMedia(lib, [file]);
  // A scan that found no faces of its own: the two named regions of the file become faces.
  saveDetections(lib, localAdmin, lib.repos.media.get(photo)!, { kind: 'photo', faces: [] }, 'test');
  postId = lib.repos.posts.create({
    identity: 'foundation', channel: 'website', caption: 'Sanne de Vries and Daan de Vries won the relay! Well done, SANNE DE VRIES.',
    plannedOn: null, thirdPartyContent: false, author: 'admin',
  });
  doubtId = askDoubt(lib, localAdmin, { media: String(photo), question: 'Is Sanne de Vries (P001) allowed on the website?' }).id;
  lib.repos.doubts.answer(doubtId, 'approved', 'Yes, P001 has consent.', null, 'admin');
  await createBackup(lib, localAdmin, {});
}, 120_000);
afterAll(() => {
  lib.close();
  g.remove();
});

describe('erasing a person from free text', () => {
  let result: ErasureResult;

  it('says beforehand how many mentions go, which originals keep the name, and that a backup holds her', async () => {
    const preview = await call<ErasureResult>('people.erasePreview', { person: 'P001' });
    // Caption 2, question 2 (name and external id), answer 1, file name 1, embedded PersonInImage and region 2, imported face name 1.
    expect(preview).toMatchObject({ freeTextMentions: 9, originalsWithName: 1, backups: 1 });
  });

  it('replaces her name with "[erased person]", keeps her brother\'s, and records counts, not the name', async () => {
    result = await call<ErasureResult>('people.erase', { person: 'P001', confirm: true });
    expect(result.freeTextReplaced).toEqual({
      'posts.caption': 2, 'doubts.question': 2, 'doubts.answer': 1, 'media.name': 1, 'media.embeddedMetadata': 2, 'faces.importedName': 1,
    });
    const post = lib.db.prepare('SELECT caption FROM posts WHERE id = ?').pluck().get(postId);
    expect(post).toBe('[erased person] and Daan de Vries won the relay! Well done, [erased person].');
    expect(lib.db.prepare('SELECT question, answer FROM doubts WHERE id = ?').get(doubtId)).toEqual({
      question: 'Is [erased person] ([erased person]) allowed on the website?',
      answer: 'Yes, [erased person] has consent.',
    });
    const media = lib.repos.media.get(photo)!;
    expect(media.name).toBe('[erased person]_sportdag.jpg');
    const embedded = lib.repos.media.embedded(photo) as { personsShown: string[]; regions: { name: string | null }[] };
    expect(embedded.personsShown).toEqual(['[erased person]', 'Daan de Vries']);
    expect(embedded.regions.map((r) => r.name)).toEqual(['[erased person]', 'Daan de Vries']);
    const importedNames = lib.db.prepare('SELECT imported_name FROM faces WHERE media_id = ? ORDER BY id').pluck().all(photo);
    expect(importedNames).toEqual([null, 'Daan de Vries']);

    const entry = lib.db.prepare('SELECT details FROM audit_log WHERE seq = ?').pluck().get(result.auditEntry) as string;
    expect(JSON.parse(entry)).toMatchObject({ freeTextReplaced: result.freeTextReplaced, originalsWithName: [photo] });
    expect(entry).not.toMatch(/Sanne|P001/);
    expect(verifyAudit(lib)).toMatchObject({ ok: true, firstBad: null });
  });

  it('lists the original file that still names her inside, untouched, so an admin can act', () => {
    expect(result.originals).toEqual([{ mediaId: photo, name: '[erased person]_sportdag.jpg', path: expect.stringContaining(lib.paths.store) }]);
    expect(readFileSync(result.originals[0]!.path).includes('Sanne de Vries')).toBe(true);
  });

  it('deletes the backups made before the erasure on request, and keeps those made after', async () => {
    expect(result.backups).toBe(1);
    const before = (await call<{ backups: { path: string; createdAt: string }[] }>('backup.list', {})).backups;
    expect(before).toHaveLength(1);
    expect(readFileSync(join(before[0]!.path, 'library.sqlite')).includes('Sanne')).toBe(true);
    await createBackup(lib, localAdmin, {});
    await expect(call('backup.deleteOlder', { before: result.erasedAt })).rejects.toThrow();
    const deleted = await call<{ deleted: string[]; kept: number }>('backup.deleteOlder', { before: result.erasedAt, confirm: true });
    expect(deleted).toMatchObject({ deleted: [before[0]!.path.split('/').pop()], kept: 1 });
    expect(existsSync(before[0]!.path)).toBe(false);
    const last = lib.repos.audit.list(1, Number(lib.repos.audit.list(100000).length) - 1)[0]!;
    expect(last).toMatchObject({ action: 'library.backups_deleted' });
  });
});
