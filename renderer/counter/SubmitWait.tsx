import { useEffect, useState } from 'react';
import { useUiStore } from '../stores/ui-store';
import { useConnectionStore } from '../stores/connection-store';
import { SLOW_CALL_MS, useOlderThan } from './PendingScans';

/**
 * Beside a dialog's record button: a recording that main is slow to answer (or cannot, hung or gone) is said,
 * so the clerk neither presses again and again nor walks away thinking it was recorded.
 */
export function SubmitWait() {
  const submitting = useUiStore((s) => s.submitting);
  const lost = useConnectionStore((s) => s.lostAt !== null);
  const [since, setSince] = useState<number | null>(null);
  useEffect(() => setSince(submitting ? Date.now() : null), [submitting]);
  const slow = useOlderThan(since, SLOW_CALL_MS);
  if (!submitting || !(slow || lost)) return null;
  return (
    <p className="submit-wait" role="status" data-testid="submit-wait">
      {lost ? '窓口サービスの応答を待っています。応答があり次第、記録できたかを表示します' : '記録しています…'}
    </p>
  );
}
