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
 * Says that scans are waiting (shown inside dialogs too, where they wait until the dialog closes), counting the
 * one being looked up when main is slow to answer or cannot be reached: a scan is never silently in the air.
 */
export function PendingScans() {
  const waiting = useCounterStore((s) => s.queue.length);
  const calling = useCounterStore((s) => s.calling);
  const backlog = useCounterStore((s) => s.backlog);
  const lost = useConnectionStore((s) => s.lostAt !== null);
  const slow = useOlderThan(calling?.since ?? null, SLOW_CALL_MS);
  const inAir = calling !== null && (lost || slow);
  if (waiting === 0 && !inAir) return null;
  const when = lost
    ? '通信が戻ったら表示します'
    : inAir
      ? '窓口サービスの応答を待っています'
      : backlog
        ? 'Esc で次を表示します'
        : 'この画面を閉じると表示します';
  return (
    <p className="pending-scans" role="status" data-testid="pending-scans">
      {inAir && waiting === 0 && !lost ? '照会中' : '次のスキャンを保留中'}（{count(waiting + (inAir ? 1 : 0))}）：{when}
    </p>
  );
}
