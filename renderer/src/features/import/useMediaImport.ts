import { useState } from 'react';
import type { z } from 'zod';
import type { importDefaults } from '../../../../shared/contract/media';
import type { AppError } from '../../../../shared/result';
import { bridge, invoke } from '../../lib/api';
import { linkBatch } from '../jobs/jobs-store';

export type ImportDefaults = z.input<typeof importDefaults>;

/** Starts an import job from paths on this computer, or from files that were dropped or chosen. */
export function useMediaImport() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [started, setStarted] = useState<{ jobId: number; batchId: number } | null>(null);

  const importPaths = async (paths: string[], defaults?: ImportDefaults) => {
    setBusy(true);
    setError(null);
    const result = await invoke('media.import', { paths, defaults });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    linkBatch(result.value.jobId, result.value.batchId);
    setStarted(result.value);
  };

  const importFiles = async (files: File[], defaults?: ImportDefaults) => {
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    const staged = await bridge.stageFiles(files);
    if (!staged.ok) {
      setBusy(false);
      return setError(staged.error);
    }
    await importPaths(staged.value, defaults);
  };

  return { importPaths, importFiles, busy, error, started, reset: () => setStarted(null) };
}
