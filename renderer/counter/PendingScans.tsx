import { useCounterStore } from '../stores/counter-store';
import { count } from '../../shared/numbers';
import { useConnectionStore } from '../stores/connection-store';

/** Says that scans are waiting (shown inside dialogs too, where they wait until the dialog closes). */
export function PendingScans() {
  const waiting = useCounterStore((s) => s.queue.length);
  const lost = useConnectionStore((s) => s.lostAt !== null);
  if (waiting === 0) return null;
  return (
    <p className="pending-scans" role="status" data-testid="pending-scans">
      次のスキャンを保留中（{count(waiting)}）：{lost ? '通信が戻ったら表示します' : 'この画面を閉じると表示します'}
    </p>
  );
}
