import { useCallback, useState } from 'react';
import type { FaceAssignment } from '../../../../shared/contract/faces';
import type { AppError } from '../../../../shared/result';
import { invoke } from '../../lib/api';

/** Records a reviewer's decision on one or many faces (one faces.assign call), keeping the last failure to show. */
export function useDecide(onDecided?: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const run = useCallback(
    async (faceIds: number[], to: FaceAssignment): Promise<boolean> => {
      setBusy(true);
      setError(null);
      const result = await invoke('faces.assign', { faces: faceIds, to });
      setBusy(false);
      if (!result.ok) {
        setError(result.error);
        return false;
      }
      onDecided?.();
      return true;
    },
    [onDecided],
  );
  return { run, busy, error, clearError: useCallback(() => setError(null), []) };
}
