import { useCounterStore } from '../stores/counter-store';
import { count } from '../../shared/numbers';

/** Says that scans are waiting (shown inside dialogs too, where they wait until the dialog closes). */
export function PendingScans() {
  const waiting = useCounterStore((s) => s.queue.length);
  if (waiting === 0) return null;
  return (
    <p className="pending-scans" role="status" data-testid="pending-scans">
      次のスキャンを保留中（{count(waiting)}）：この画面を閉じると表示します
    </p>
  );
}
