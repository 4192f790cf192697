/** A determinate bar when the total is known, an animated one while the job is still counting. */
export function ProgressBar({ current, total, label }: { current: number; total: number; label: string }) {
  const known = total > 0;
  const percent = known ? Math.min(100, Math.round((current / total) * 100)) : 0;
  return (
    <div
      className={known ? 'progress' : 'progress progress-indeterminate'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? total : undefined}
      aria-valuenow={known ? current : undefined}
    >
      <div className="progress-fill" style={known ? { width: `${percent}%` } : undefined} />
    </div>
  );
}
