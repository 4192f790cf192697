import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { verifyChain } from '../../electron/core/audit/verify-chain';
import { createAuditReadRepository } from '../../electron/core/db/repositories/audit-read-repository';
import { contentPath } from '../../electron/core/library-paths';
import { binPath } from './cli-run';
import { facesDir } from './export-kit';
import { seededRandom } from '../../bench/seeded-random';

/**
 * Kills the real command line with SIGKILL at random moments of import, face detection and export, and
 * checks the library each time as `clearframe` finds it on the next start. Used by crash-kill.test.ts with
 * a few kill points and by `npm run bench -- crash` with many. The faces are adults (public-domain portraits).
 */

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

export type StageName = 'import' | 'detect' | 'export';

const stageArgs = (stage: StageName, folder: string, exportDir: string): string[] =>
  ({
    import: ['import', folder, '--license', 'school_owned'],
    detect: ['faces', 'detect', '--all'],
    export: ['export', '--all', '--channel', 'website', '--identity', 'foundation', '--out', exportDir],
  })[stage];

export interface StageReport {
  stage: StageName;
  /** How long the stage takes uninterrupted, start-up included: kill points fall within it. */
  fullRunMs: number;
  kills: number;
  /** Kill points that came after the command had already finished. */
  finishedFirst: number;
  problems: string[];
}

/**
 * Each stage starts from the library the stage before it left (import from an empty one). It is first run
 * once to the end (which gives the next stage its starting library, and the time the stage takes); then,
 * `killsPerStage` times, a copy of its starting library is given the stage killed at a random moment within
 * that time, checked, given the stage again to the end (the resume), and checked again.
 */
export async function crashRun(root: string, files: { folder: string; paths: string[] }, killsPerStage: Record<StageName, number>, seed: number): Promise<StageReport[]> {
  const next = seededRandom(seed);
  const reports: StageReport[] = [];
  let start: string | null = null;
  for (const stage of ['import', 'detect', 'export'] as const) {
    const copy = (name: string) => {
      const home = join(root, name, 'library');
      if (start) cpSync(start, home, { recursive: true });
      return { home, out: join(root, name, 'out') };
    };
    const full = copy(`${stage}-full`);
    const t0 = performance.now();
    const finished = await runAndKill(full.home, stageArgs(stage, files.folder, full.out), null);
    const report: StageReport = { stage, fullRunMs: Math.round(performance.now() - t0), kills: 0, finishedFirst: 0, problems: [] };
    if (finished.code !== 0) report.problems.push(`the uninterrupted run failed (exit ${finished.code}): ${finished.stderr.trim().split('\n').pop()}`);
    for (let i = 0; i < killsPerStage[stage]; i++) {
      const round = copy(`${stage}-${i}`);
      // Within the first two thirds or so: a run on a copy can be quicker than the measured one, and a kill after the end tests nothing.
      const delay = Math.round(report.fullRunMs * (0.05 + 0.65 * next()));
      const killed = await runAndKill(round.home, stageArgs(stage, files.folder, round.out), delay);
      if (killed.killed) report.kills += 1;
      else report.finishedFirst += 1;
      report.problems.push(...crashProblems(round.home, round.out).map((p) => `killed at ${delay} ms: ${p}`));
      const resumed = await runAndKill(round.home, stageArgs(stage, files.folder, round.out), null);
      if (resumed.code !== 0) report.problems.push(`the run after a kill at ${delay} ms failed (exit ${resumed.code}): ${resumed.stderr.trim().split('\n').pop()}`);
      report.problems.push(...crashProblems(round.home, round.out).map((p) => `resumed after a kill at ${delay} ms: ${p}`));
      if (stage === 'import') report.problems.push(...importedOnce(round.home, files.paths));
      rmSync(join(root, `${stage}-${i}`), { recursive: true, force: true });
    }
    report.problems.push(...crashProblems(full.home, full.out));
    reports.push(report);
    start = full.home;
  }
  return reports;
}
