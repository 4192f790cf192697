import { createWriteStream, existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { ExportMediaChoice, PersonDataExport } from '../../../shared/contract/gdpr';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import { csvDocument } from '../audit/csv-cells';
import type { Library } from '../library';
import { resolveMediaFile } from '../media/media-files';
import { resolvePerson } from '../services/people-service';
import { subjectData, type SubjectData } from './subject-data';

/** Where the export's files go: a folder or a ZIP file, both written under a temporary name first. */
interface Sink {
  text(name: string, content: string): Promise<void>;
  file(name: string, path: string): Promise<void>;
  /** Returns the bytes written. */
  finish(): Promise<number>;
  abandon(): Promise<void>;
}

async function folderSink(dir: string): Promise<Sink> {
  await mkdir(dir, { mode: 0o700 });
  let bytes = 0;
  const place = async (name: string) => {
    const target = join(dir, name);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    return target;
  };
  return {
    async text(name, content) {
      const buffer = Buffer.from(content, 'utf8');
      await writeFile(await place(name), buffer, { mode: 0o600, flag: 'wx' });
      bytes += buffer.length;
    },
    async file(name, path) {
      const target = await place(name);
      await copyFile(path, target);
      bytes += (await stat(target)).size;
    },
    finish: async () => bytes,
    abandon: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Text is deflated; media files (already compressed) are stored and streamed from disk, so a video
 * never sits in memory whole. yazl switches to ZIP64 by itself past 4 GiB.
 */
async function zipSink(file: string): Promise<Sink> {
  const zip = new ZipFile();
  const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  // A file that cannot be read is reported on the ZipFile, not on its stream.
  const unreadable = new Promise<never>((_, reject) => zip.on('error', reject));
  const written = Promise.race([pipeline(zip.outputStream, out), unreadable]);
  // A failure surfaces in finish(); until then nobody awaits `written`.
  written.catch(() => undefined);
  return {
    text: async (name, content) => zip.addBuffer(Buffer.from(content, 'utf8'), name, { mode: 0o100600 }),
    file: async (name, path) => zip.addFile(path, name, { compress: false, mode: 0o100600 }),
    finish: async () => {
      zip.end();
      await written;
      return (await stat(file)).size;
    },
    abandon: async () => {
      out.destroy();
      await written.catch(() => undefined);
      await rm(file, { force: true });
    },
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** A file name safe on every system, keeping the media's own name recognisable. */
function safeName(mediaId: number, name: string, ext: string): string {
  const stem = basename(name, extname(name)).replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 80) || 'media';
  return `media/${mediaId}-${stem}.${ext}`;
}

function readme(d: SubjectData, choice: ExportMediaChoice): string {
  const media = { originals: 'copies of the original files', thumbnails: 'small previews of the files', none: 'no files (only the list)' }[choice];
  return [
    'ClearFrame: data held about one person (GDPR articles 15 and 20)',
    '',
    `Person id ${d.person.id}, exported on ${d.today}.`,
    '',
    'person.json         the person record (name, role, school, class, date of birth, external id) and face matching permission',
    'consents.csv/.json  every consent record, oldest first, and the state per channel today',
    `media.csv/.json     the photos and videos this person is tagged in, with where; media/ holds ${media}`,
    'publications.json   publications (exports to a channel) that show this person, visible or blurred',
    'audit.json          audit log entries about this person',
    '',
    'Photos can show other people too. Check before passing them on.',
    '',
  ].join('\r\n');
}

async function writeAll(lib: Library, d: SubjectData, choice: ExportMediaChoice, sink: Sink): Promise<number> {
  let files = 0;
  const text = async (name: string, content: string) => {
    await sink.text(name, content);
    files += 1;
  };
  await text('README.txt', readme(d, choice));
  await text('person.json', json({ person: d.person, faceMatching: d.faceMatching }));
  await text('consents.json', json({ date: d.today, current: d.current.map((c) => ({ channel: c.channel, state: c.state, record: c.record?.id ?? null })), history: d.history }));
  await text(
    'consents.csv',
    csvDocument(
      ['id', 'channel', 'status', 'given_by', 'given_on', 'valid_until', 'note', 'evidence', 'source', 'recorded_at', 'recorded_by'],
      d.history.map((r) => [r.id, r.channel, r.status, r.givenBy, r.givenOn, r.validUntil, r.note, r.evidence, r.source, r.recordedAt, r.recordedBy]),
    ),
  );
  const listed: { id: number; sha256: string; kind: string; name: string; captured_at: string | null; faces: unknown; file: string | null }[] = [];
  for (const { media, faces } of d.media) {
    let file: string | null = null;
    if (choice !== 'none') {
      try {
        const source = await resolveMediaFile(lib, choice === 'originals' ? 'original' : 'thumb', media.id);
        file = choice === 'originals' ? safeName(media.id, media.name, media.ext) : `media/${media.id}.jpg`;
        await sink.file(file, source.path);
        files += 1;
      } catch (err) {
        if (!(err instanceof ClearFrameError) || err.code !== 'not_found') throw err;
      }
    }
    listed.push({ id: media.id, sha256: media.sha256, kind: media.kind, name: media.name, captured_at: media.capturedAt, faces, file });
  }
  await text('media.json', json(listed));
  await text(
    'media.csv',
    csvDocument(['id', 'sha256', 'kind', 'name', 'captured_at', 'faces', 'file'], listed.map((m) => [m.id, m.sha256, m.kind, m.name, m.captured_at, (m.faces as unknown[]).length, m.file])),
  );
  await text('publications.json', json(d.publications));
  await text('audit.json', json(d.audit));
  return files;
}

/**
 * Writes everything about a person to `out` (a folder, or a ZIP file when it ends in .zip). The result
 * appears under its final name only when complete; a crash leaves at most a hidden `.partial` beside it.
 * The export is itself an audit entry: the person's data has left the library.
 */
export async function exportPersonData(lib: Library, ctx: RequestContext, personRef: string, outPath: string, choice: ExportMediaChoice): Promise<PersonDataExport> {
  const person = resolvePerson(lib, personRef);
  const out = resolve(outPath);
  const format = out.toLowerCase().endsWith('.zip') ? 'zip' : 'folder';
  if (existsSync(out)) throw new ClearFrameError('conflict', `${out} already exists; choose a new name, so nothing is overwritten.`);
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) {
    throw new ClearFrameError('not_found', `The folder ${dirname(out)} does not exist; create it or choose another place.`);
  }
  const partial = join(dirname(out), `.${basename(out)}.partial`);
  await rm(partial, { recursive: true, force: true });
  const data = subjectData(lib, person);
  const sink = format === 'zip' ? await zipSink(partial) : await folderSink(partial);
  let files: number;
  let bytes: number;
  try {
    files = await writeAll(lib, data, choice, sink);
    bytes = await sink.finish();
  } catch (err) {
    await sink.abandon();
    if (err instanceof ClearFrameError) throw err;
    throw new ClearFrameError('io_error', `Could not write the export to ${out} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  lib.transaction(() => lib.repos.audit.append(ctx.actor, 'person.exported', `person:${person.id}`, { format, media: choice, files }));
  await rename(partial, out);
  return {
    person: { id: person.id, externalId: person.externalId, name: `${person.firstName} ${person.lastName}` },
    out,
    format,
    files,
    bytes,
    consentRecords: data.history.length,
    media: data.media.length,
    publications: data.publications.length,
    auditEntries: data.audit.length,
  };
}
