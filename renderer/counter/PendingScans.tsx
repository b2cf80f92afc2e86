import { useEffect, useState } from 'react';
import { useCounterStore } from '../stores/counter-store';
import { count } from '../../shared/numbers';
import { useConnectionStore } from '../stores/connection-store';

/** A look-up that takes longer than this is said on screen (a normal one answers in a few milliseconds). */
export const SLOW_CALL_MS = 400;

/** Whether `since` (Date.now() of a call's start, or null) is at least `ms` ago; re-renders when it becomes so. */
export function useOlderThan(since: number | null, ms: number): boolean {
  const [, setTick] = useState(0);
  const old = since !== null && Date.now() - since >= ms;
  useEffect(() => {
    if (since === null || old) return;
    const timer = setTimeout(() => setTick((n) => n + 1), since + ms - Date.now());
    return () => clearTimeout(timer);
  }, [since, ms, old]);
  return old;
}

/**
 * Says that scans are waiting, counting the one being looked up when main is slow to answer or cannot be reached
 * (a scan is never silently in the air): inside a dialog (where they wait until it closes), or in the action bar.
 * The bar's one line is narrow at 1280×720 beside its buttons, and it must show whole, the count above all: there
 * the words are short (窓口に戻ると: a lead's page or the check is left with 窓口に戻る).
 */
export function PendingScans({ inBar = false, corner = false }: { readonly inBar?: boolean; readonly corner?: boolean }) {
  const waiting = useCounterStore((s) => s.queue.length);
  const calling = useCounterStore((s) => s.calling);
  const backlog = useCounterStore((s) => s.backlog);
  const lost = useConnectionStore((s) => s.lostAt !== null);
  const slow = useOlderThan(calling?.since ?? null, SLOW_CALL_MS);
  const inAir = calling !== null && (lost || slow);
  if (waiting === 0 && !inAir) return null;
  const n = count(waiting + (inAir ? 1 : 0));
  // Only the one being looked up, main answering slowly: it is being looked up, not held.
  const lookingUp = inAir && waiting === 0 && !lost;
  const when = lost
    ? ['通信が戻ったら表示します', '通信が戻ったら表示']
    : inAir
      ? ['窓口サービスの応答を待っています', '応答を待っています']
      : backlog
        ? ['Esc で次を表示します', 'Escで次を表示']
        : ['この画面を閉じると表示します', '窓口に戻ると表示'];
  // In the bar the count comes early, so that a still narrower bar (a lead's, at the counter, with the service
  // lost) could cut only the words after it (the title has them whole).
  const text = inBar
    ? `${n}のスキャンを${lookingUp ? '照会中' : '保留中'}：${when[1]}`
    : `${lookingUp ? '照会中' : '次のスキャンを保留中'}（${n}）：${when[0]}`;
  // The ID check's corner under its title, two short lines: there it takes no row of its own, which pushed the
  // check's buttons below a 1280×640 window.
  if (corner) {
    return (
      <p className="pending-scans pending-corner" role="status" data-testid="pending-scans" title={text}>
        {lookingUp ? '照会中' : 'スキャン保留'}（{n}）
        <br />
        {inAir || backlog ? when[1] : '閉じると表示'}
      </p>
    );
  }
  return (
    <p className="pending-scans" role="status" data-testid="pending-scans" title={text}>
      {text}
    </p>
  );
}
