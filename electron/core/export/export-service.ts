import { mkdir } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { BlockedMedia, ExportedFile, ExportReport, RedactionStyle } from '../../../shared/contract/export';
import { identityRefusal, mayRelease } from '../../../shared/domain/permissions';
import { ClearFrameError } from '../../../shared/result';
import type { RequestContext } from '../api/context';
import type { JobContext } from '../jobs/job-runner';
import type { Library } from '../library';
import { decideMedia, decisionContext, type DecisionContext, type MediaDecision } from './check-service';
import { exifToolOf } from './exif-tool';
import { chooseNames, fileStem, finishFile, partialName, removeQuietly } from './export-files';
import type { ItemSettings, Publishable } from './export-item';
import { keepReport } from './export-reports';
import { permissionIdentity } from './identities';
import { exportPreset } from './presets';
import { auditNothingWritten, recordPublication } from './record-publication';
import { selectMedia } from './selection';
import { claimFreeNames, writeAll, type Exportable, type Written } from './write-files';

export interface ExportRequest {
  media: readonly string[];
  all: boolean;
  channel: string;
  identity: string;
  outDir: string;
  style: RedactionStyle;
  removeAudio: boolean;
}

/**
 * Exports a selection for one channel of one identity, as a job. Decisions are made at the start (as
 * of today); nothing blocked is written. Every file is written under a hidden `.partial` name, and only
 * when all are complete is the publication recorded (with its audit entry, in one transaction) and are
 * the files given their final names: a crash leaves no half file that looks finished, and no
 * published file missing from the register.
 */
export function startExport(lib: Library, ctx: RequestContext, req: ExportRequest): { jobId: number; done: Promise<ExportReport> } {
  if (!isAbsolute(req.outDir)) throw new ClearFrameError('invalid_input', `The export folder must be a full path, not "${req.outDir}".`);
  const decisions = decisionContext(lib, { channel: req.channel, identity: req.identity, removeAudio: req.removeAudio });
  const identity = decisions.identity!;
  if (ctx.user && !mayRelease(ctx.user, permissionIdentity(identity))) {
    throw new ClearFrameError('forbidden', identityRefusal(ctx.user, 'release', permissionIdentity(identity)));
  }
  const media = selectMedia(lib, req.media, req.all);
  const report: ExportReport = {
    jobId: 0,
    status: 'running',
    publicationId: null,
    channel: decisions.channel.key,
    identity: identity.key,
    outDir: req.outDir,
    exported: [],
    blocked: [],
    failed: [],
  };
  const title = `Export ${media.length === 1 ? media[0]!.name : `${media.length} items`} for ${decisions.channel.name}`;
  const job = lib.jobs.start('export', title, async (job) => {
    try {
      await runExport(lib, ctx, req, decisions, media.map((m) => decideMedia(lib, m, decisions)), report, job);
      report.status = 'done';
    } catch (err) {
      report.status = job.signal.aborted ? 'cancelled' : 'failed';
      throw err;
    }
    return report;
  });
  report.jobId = job.id;
  keepReport(lib, report);
  return { jobId: job.id, done: job.done };
}

async function runExport(
  lib: Library,
  ctx: RequestContext,
  req: ExportRequest,
  decisions: DecisionContext,
  decided: MediaDecision[],
  report: ExportReport,
  job: JobContext,
): Promise<void> {
  const identity = decisions.identity!;
  report.blocked = decided.flatMap((d): BlockedMedia[] =>
    d.decision.decision === 'blocked' ? [{ mediaId: d.media.id, name: d.media.name, reasons: d.decision.reasons }] : [],
  );
  const publishable = decided.filter((d): d is MediaDecision & { decision: Publishable } => d.decision.decision !== 'blocked');
  if (publishable.length === 0) {
    auditNothingWritten(lib, ctx, decisions, report);
    return;
  }

  await mkdir(req.outDir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
    throw new ClearFrameError('io_error', `The export folder ${req.outDir} cannot be made (${err.code ?? err.message}).`);
  });
  const publicationId = lib.repos.publications.reserve({
    createdBy: ctx.actor,
    channel: decisions.channel.key,
    identityKey: identity.key,
    identityName: identity.name,
    decisionDate: decisions.date,
    policy: JSON.stringify(decisions.policy),
    outDir: req.outDir,
  });
  const stem = fileStem(identity.key, decisions.channel.key, decisions.date);
  const names = chooseNames(req.outDir, stem, publishable.map((d) => (d.media.kind === 'photo' ? 'jpg' : 'mp4')));
  const items: Exportable[] = publishable.map((d, i) => ({
    ...d,
    index: i + 1,
    finalPath: join(req.outDir, names[i]!),
    partialPath: join(req.outDir, partialName(names[i]!)),
  }));
  const settings: ItemSettings = {
    store: lib.paths.store,
    tmp: lib.paths.tmp,
    exiftool: exifToolOf(lib),
    style: req.style,
    preset: exportPreset(lib, identity.key, decisions.channel),
    margin: decisions.policy.blurMargin,
    attribution: { identityName: identity.name, channelName: decisions.channel.name, publicationId, year: Number(decisions.date.slice(0, 4)) },
    signal: job.signal,
  };

  let written: Written[];
  try {
    written = await writeAll(items, settings, report, job);
    job.signal.throwIfAborted();
  } catch (err) {
    await Promise.all(items.map((i) => removeQuietly(i.partialPath)));
    lib.repos.publications.abandon(publicationId);
    throw job.signal.aborted ? new ClearFrameError('cancelled', 'The export was cancelled; no file was written.') : err;
  }
  if (written.length === 0) {
    lib.repos.publications.abandon(publicationId);
    auditNothingWritten(lib, ctx, decisions, report);
    return;
  }
  claimFreeNames(req.outDir, stem, written);
  recordPublication(lib, ctx, publicationId, decisions, written, report);
  report.publicationId = publicationId;
  for (const w of written) {
    await finishFile(w.item.partialPath, w.item.finalPath);
    report.exported.push({ mediaId: w.item.media.id, file: w.item.finalPath, sha256: w.sha256, blurred: w.blurred } satisfies ExportedFile);
  }
}
