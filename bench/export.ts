import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { startExport } from '../electron/core/export/export-service';
import { endExifTool } from '../electron/core/export/exif-tool';
import { channelPreset } from '../electron/core/export/presets';
import { openLibrary, type Library } from '../electron/core/library';
import { startMediaImport } from '../electron/core/media/import-service';
import type { FaceBox } from '../shared/types';
import { corpusPhotos, corpusVideo } from './export-corpus';

const run = promisify(execFile);
const log = (s: string) => process.stderr.write(`${s}\n`);
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const ctx = { actor: 'bench' };

async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - t0) / 1000, value };
}

/** Everyone in the media refused: every face is redacted. */
function refuseEveryFace(lib: Library, mediaId: number, boxes: FaceBox[], tracks?: { time: number; box: FaceBox }[][]): void {
  lib.transaction(() => {
    lib.repos.faces.saveDetection({ mediaId, modelVersion: 'bench', settingsKey: 'bench', detectedAt: new Date().toISOString(), facesFound: boxes.length, error: null });
    boxes.forEach((box, i) => {
      const person = lib.repos.people.create({ externalId: null, firstName: 'Bench', lastName: `${mediaId}-${i}`, role: 'staff', schoolId: null, classId: null, dateOfBirth: null });
      lib.repos.consent.append({ personId: person.id, channel: 'website', status: 'refused', givenBy: 'self', givenOn: '2020-01-01', validUntil: null, evidence: null, note: null, source: 'manual', recordedBy: 'bench' });
      const track = tracks?.[i];
      const trackId = track ? lib.repos.faces.insertTrack(mediaId, track.map((s) => ({ ...s, score: 0.9 }))) : null;
      const id = lib.repos.faces.insert({ mediaId, box, score: 0.9, source: 'detected', trackId, time: track ? track[0]!.time : null, modelVersion: 'bench', importedName: null });
      lib.repos.faces.review(id, { state: 'person', personId: person.id, suggestedPersonId: null, suggestionDistance: null }, 'bench');
    });
    lib.repos.marks.set({ mediaId, confidential: false, notForPublication: null, audioRights: 'own', thirdPartyPermission: null }, 'bench');
  });
}

export async function runExportBench(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const photoCount = quick ? 40 : 200;
  const scratch = mkdtempSync(join(tmpdir(), 'clearframe-bench-export-run-'));
  try {
    log(`corpus: ${photoCount} photos of 12 MP with 3-6 faces, and a 60 s 1080p30 video with 3 moving faces (cached in the temp folder)`);
    const photos = await corpusPhotos(photoCount);
    const video = await corpusVideo();
    const lib = openLibrary(join(scratch, 'library'));

    log('importing (not measured)');
    await startMediaImport(lib, ctx, [...photos.map((p) => p.path), video.path], { license: 'school_owned', creator: 'Bench' }).done;
    const photoIds = photos.map((p) => {
      const id = lib.repos.media.list({ kind: 'photo' }, 0, 1000).items.find((t) => t.name === p.path.split('/').pop())!.id;
      refuseEveryFace(lib, id, p.faces);
      return id;
    });
    const videoId = lib.repos.media.list({ kind: 'video' }, 0, 1).items[0]!.id;
    refuseEveryFace(lib, videoId, video.tracks.map((t) => t[0]!.box), video.tracks);
    const faces = photos.reduce((n, p) => n + p.faces.length, 0);

    log(`exporting ${photoCount} photos for the website, every face redacted`);
    const photoRun = await timed(() =>
      startExport(lib, ctx, { media: photoIds.map(String), all: false, channel: 'website', identity: 'foundation', outDir: join(scratch, 'photos'), style: 'blur', removeAudio: false }).done,
    );
    if (photoRun.value.exported.length !== photoCount) throw new Error(`only ${photoRun.value.exported.length} of ${photoCount} photos were exported`);
    const sample = await sharp(photoRun.value.exported[0]!.file).metadata();

    log('exporting the video with its 3 faces redacted');
    const videoRun = await timed(() =>
      startExport(lib, ctx, { media: [String(videoId)], all: false, channel: 'website', identity: 'foundation', outDir: join(scratch, 'video'), style: 'blur', removeAudio: false }).done,
    );
    if (videoRun.value.exported.length !== 1) throw new Error(`the video was not exported: ${JSON.stringify(videoRun.value)}`);

    log('plain re-encode of the same video with the same encoder settings (baseline)');
    const preset = channelPreset({ key: 'website', kind: 'external' });
    const plain = await timed(() =>
      run('ffmpeg', [
        ...['-v', 'error', '-y', '-i', video.path, '-map', '0:v:0', '-map', '0:a:0', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p'],
        ...['-maxrate', `${preset.videoMaxKbps}k`, '-bufsize', `${preset.videoMaxKbps * 2}k`, '-c:a', 'aac', '-b:a', '128k', join(scratch, 'plain.mp4')],
      ]),
    );
    await endExifTool(lib);
    lib.close();

    const photosPerSecond = photoCount / photoRun.seconds;
    const realtime = video.durationS / videoRun.seconds;
    const result = {
      bench: 'export',
      date: new Date().toISOString(),
      quick,
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, libvips: sharp.versions.vips },
      note: 'Faces are public-domain portraits of adults composited at known places; every face is of a person who refused, so every face is redacted.',
      photos: {
        count: photoCount,
        pixels: '4000x3000',
        facesRedacted: faces,
        channel: 'website',
        output: `${sample.width}x${sample.height} JPEG q${preset.jpegQuality}, attribution written with exiftool`,
        seconds: round(photoRun.seconds),
        photosPerSecond: round(photosPerSecond),
        goal: '>= 5 photos/s',
        met: photosPerSecond >= 5,
      },
      video: {
        durationS: video.durationS,
        size: `${video.width}x${video.height}`,
        fps: video.fps,
        faceTracks: video.tracks.length,
        redaction: { seconds: round(videoRun.seconds), realtimeMultiple: round(realtime) },
        plainReencode: { seconds: round(plain.seconds), realtimeMultiple: round(video.durationS / plain.seconds) },
        redactionVsPlain: round(videoRun.seconds / plain.seconds),
        encoder: `libx264 veryfast crf 23, maxrate ${preset.videoMaxKbps}k, AAC 128k`,
        goal: '>= 1x real time',
        met: realtime >= 1,
      },
    };
    const json = JSON.stringify(result, null, 2);
    const out = fileURLToPath(new URL(`./results/export-${result.date.slice(0, 10)}${quick ? '-quick' : ''}.json`, import.meta.url));
    mkdirSync(join(out, '..'), { recursive: true });
    writeFileSync(out, `${json}\n`);
    process.stdout.write(`${json}\n`);
    log(`written to ${out}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
