import { useCounterStore } from '../stores/counter-store';
import { count } from '../../shared/numbers';
import { useConnectionStore } from '../stores/connection-store';

/**
 * Says that scans are waiting: inside a dialog (where they wait until it closes), or in the action bar (on a
 * lead's page or the receipt check, or while the service is lost). The bar's one line is narrow at 1280×720
 * beside its buttons, and it must show whole, the count above all: there the words are short (窓口に戻ると:
 * the page or the check is left with 窓口に戻る).
 */
export function PendingScans({ inBar = false }: { readonly inBar?: boolean }) {
  const waiting = useCounterStore((s) => s.queue.length);
  const lost = useConnectionStore((s) => s.lostAt !== null);
  if (waiting === 0) return null;
  // In the bar the count comes early, so that a still narrower bar (a lead's, at the counter, with the service
  // lost) could cut only the words after it (the title has them whole).
  const text = inBar
    ? `スキャン${count(waiting)}を保留中：${lost ? '通信が戻ったら表示' : '窓口に戻ると表示'}`
    : `次のスキャンを保留中（${count(waiting)}）：${lost ? '通信が戻ったら表示します' : 'この画面を閉じると表示します'}`;
  return (
    <p className="pending-scans" role="status" data-testid="pending-scans" title={text}>
      {text}
    </p>
  );
}
