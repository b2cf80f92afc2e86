// A venue station takes in its siblings' files by itself: once when it opens, then every `sibling-pull-minutes`.
// A card handed over at 窓口1 is then known at 窓口2 within minutes, without a lead remembering to pull: the
// counter refuses the second handover (交付済み) instead of HQ finding it days later as a conflict.
import type { Clock } from '../clock';
import type { VenueStore } from '../store/data-folder';
import { readSetting } from '../store/settings';
import { pullSiblings } from './siblings';

export interface SiblingPulls {
  /** Pulls now (unless a pull is running), and resolves when it is done. */
  pullNow(): Promise<void>;
  /** No more pulls; resolves once a pull that is running has finished (before the store closes). */
  stop(): Promise<void>;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): { unref?(): void };
  clearTimeout(handle: unknown): void;
}

export function startSiblingPulls(
  ctx: { store: VenueStore; clock: Clock },
  log: (line: string) => void,
  timers: Timers = globalThis as unknown as Timers,
): SiblingPulls {
  let running: Promise<void> | null = null;
  let timer: unknown = null;
  let stopped = false;

  const once = async () => {
    try {
      const pulled = await pullSiblings(ctx);
      if (pulled === null) return;
      const ingested = pulled.reduce((n, p) => n + p.ingested, 0);
      const troubles = pulled.filter((p) => p.problem !== null || p.refused.length > 0).length;
      // Counts only: the files carry no names, and the log must not either.
      if (ingested > 0 || troubles > 0)
        log(
          `他の窓口の同期ファイル: ${ingested} ファイル取込${troubles > 0 ? `、${troubles} か所で問題（会場責任者メニューで確認）` : ''}`,
        );
    } catch (e) {
      // A closed store (the station is shutting down) or an unreadable share: said, never fatal.
      if (!stopped) log(`他の窓口の同期ファイルを取り込めませんでした: ${(e as Error).message}`);
    }
  };
  const pullNow = () => (running ??= once().finally(() => (running = null)));
  const schedule = () => {
    if (stopped) return;
    const minutes = readSetting(ctx.store.db, 'sibling-pull-minutes');
    if (minutes === 0) return;
    const t = timers.setTimeout(() => void pullNow().then(schedule), minutes * 60_000);
    t.unref?.();
    timer = t;
  };
  if (readSetting(ctx.store.db, 'sibling-pull-minutes') > 0) void pullNow().then(schedule);
  return {
    pullNow,
    async stop() {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
      await running;
    },
  };
}
