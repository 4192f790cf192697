import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { verifyChain } from '../../electron/core/audit/verify-chain';
import { createAuditReadRepository } from '../../electron/core/db/repositories/audit-read-repository';
import { contentPath } from '../../electron/core/library-paths';
import { binPath } from './cli-run';
import { facesDir } from './export-kit';

/**
 * Kills the real command line with SIGKILL at random moments of import, face detection and export, and
 * checks the library each time as `clearframe` finds it on the next start. Used by crash-kill.test.ts with
 * a few kill points and by `npm run bench -- crash` with many. The faces are adults (public-domain portraits).
 */

/** A small seeded generator (mulberry32), so a failing run can be repeated with its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Distinct photos: noise (no faces, publishable once scanned) and variants of portraits (faces to find). */
export async function crashCorpus(folder: string, count: number, size = { width: 1600, height: 1200 }): Promise<string[]> {
  mkdirSync(folder, { recursive: true });
  const portraits = ['obama.jpg', 'biden.jpg', 'two_people.jpg', 'chelsea.png'];
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(folder, `photo-${String(i).padStart(3, '0')}.jpg`);
    if (i % 3 === 0) {
      // Re-encoded at a quality of its own, so each copy has its own bytes and is imported, not skipped as a duplicate.
      await sharp(join(facesDir, portraits[(i / 3) % portraits.length]!)).jpeg({ quality: 70 + (i % 25) }).toFile(path);
    } else {
      await sharp({ create: { width: size.width, height: size.height, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 90 + i, sigma: 40 } } }).jpeg({ quality: 90 }).toFile(path);
    }
    files.push(path);
  }
  return files;
}

export interface RunResult {
  killed: boolean;
  code: number | null;
  stderr: string;
}

/** Runs `clearframe --home <home> …args`, killing it with SIGKILL after `killAfterMs` if it is still running. */
export function runAndKill(home: string, args: string[], killAfterMs: number | null): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [binPath, '--home', home, ...args, '--json'], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CLEARFRAME_HOME: undefined } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      done({ killed: signal === 'SIGKILL', code, stderr });
    });
  });
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * What must hold after any crash: the database is whole, the audit chain verifies, no media item is half
 * imported, no detection half saved, and no file in the export folder has its final name unless it is
 * complete and in the publication register. Returns the problems found (none: []).
 */
export function crashProblems(home: string, exportDir: string | null): string[] {
  const problems: string[] = [];
  // Killed before it created the library: nothing to check yet.
  if (!existsSync(join(home, 'library.sqlite'))) return problems;
  const db = new Database(join(home, 'library.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') problems.push(`integrity_check: ${String(check)}`);
    const chain = verifyChain(createAuditReadRepository(db).inOrder());
    if (!chain.ok) problems.push(`audit verify: ${chain.firstBad?.reason}`);
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    if (!tables.has('media')) return problems;
    for (const m of db.prepare('SELECT id, sha256, ext FROM media').all() as { id: number; sha256: string; ext: string }[]) {
      const file = contentPath(join(home, 'store'), m.sha256, `.${m.ext}`);
      if (!existsSync(file) || sha256(file) !== m.sha256) problems.push(`media ${m.id}: its stored original is missing or incomplete`);
    }
    const orphans = db.prepare("SELECT COUNT(*) FROM media m WHERE (SELECT COUNT(*) FROM import_items i WHERE i.media_id = m.id AND i.status = 'imported') <> 1").pluck().get() as number;
    if (orphans > 0) problems.push(`${orphans} media rows not claimed by exactly one imported item`);
    const unclaimed = db.prepare("SELECT COUNT(*) FROM import_items WHERE status = 'imported' AND media_id IS NULL").pluck().get() as number;
    if (unclaimed > 0) problems.push(`${unclaimed} imported items without their media`);
    const halfDetected = db
      .prepare(`SELECT d.media_id FROM face_detections d WHERE d.error IS NULL AND d.faces_found <> (SELECT COUNT(*) FROM faces f WHERE f.media_id = d.media_id)`)
      .pluck()
      .all() as number[];
    if (halfDetected.length > 0) problems.push(`detections of media ${halfDetected.join(', ')} do not match their saved faces`);
    if (exportDir && existsSync(exportDir)) {
      const published = new Set(
        db.prepare("SELECT f.sha256 FROM publication_files f JOIN publications p ON p.id = f.publication_id WHERE p.status = 'done'").pluck().all() as string[],
      );
      for (const name of readdirSync(exportDir).filter((n) => !n.startsWith('.'))) {
        if (!published.has(sha256(join(exportDir, name)))) problems.push(`export file ${name} has its final name but is not a complete, registered publication`);
      }
    }
  } finally {
    db.close();
  }
  return problems;
}

/** The files of the folder, each in the library exactly once, and nothing else. */
export function importedOnce(home: string, files: string[]): string[] {
  const db = new Database(join(home, 'library.sqlite'), { readonly: true });
  try {
    const shas = (db.prepare('SELECT sha256 FROM media').pluck().all() as string[]).sort();
    const expected = files.map(sha256).sort();
    return JSON.stringify(shas) === JSON.stringify(expected) ? [] : [`the library holds ${shas.length} media, expected the ${expected.length} files once each`];
  } finally {
    db.close();
  }
}

export interface CrashStage {
  name: 'import' | 'detect' | 'export';
  args: string[];
}

export const crashStages = (folder: string, exportDir: string): CrashStage[] => [
  { name: 'import', args: ['import', folder, '--license', 'school_owned'] },
  { name: 'detect', args: ['faces', 'detect', '--all'] },
  { name: 'export', args: ['export', '--all', '--channel', 'website', '--identity', 'foundation', '--out', exportDir] },
];

export interface StageReport {
  stage: string;
  kills: number;
  /** Kill points that came after the command had already finished. */
  finishedFirst: number;
  problems: string[];
}

/**
 * Runs each stage `killsPerStage` times, killed after a random delay within its window (in ms from the start
 * of the process, which spends its first moments starting up), checking the library after each kill; then
 * runs the stage to the end and checks again.
 */
export async function crashRun(
  home: string,
  files: { folder: string; paths: string[] },
  exportDir: string,
  killsPerStage: number,
  seed: number,
  windowMs: Record<CrashStage['name'], [number, number]>,
): Promise<StageReport[]> {
  const next = random(seed);
  const reports: StageReport[] = [];
  for (const stage of crashStages(files.folder, exportDir)) {
    const report: StageReport = { stage: stage.name, kills: 0, finishedFirst: 0, problems: [] };
    for (let i = 0; i < killsPerStage; i++) {
      const [from, to] = windowMs[stage.name];
      const delay = Math.floor(from + next() * (to - from));
      const r = await runAndKill(home, stage.args, delay);
      if (r.killed) report.kills += 1;
      else report.finishedFirst += 1;
      report.problems.push(...crashProblems(home, exportDir).map((p) => `after a kill at ${delay} ms: ${p}`));
    }
    const finish = await runAndKill(home, stage.args, null);
    if (finish.code !== 0) report.problems.push(`the run after the kills failed (exit ${finish.code}): ${finish.stderr.trim().split('\n').pop()}`);
    report.problems.push(...crashProblems(home, exportDir));
    if (stage.name === 'import') report.problems.push(...importedOnce(home, files.paths));
    reports.push(report);
  }
  return reports;
}
