// Wrong passphrases in a row, wherever the folder's passphrase is typed (the unlock screen, 自動的に開く's
// confirmation): one count per station, so neither is a way around the other's wait. Five free tries, then 30 s,
// doubling with each further one, to 15 min. Kept in memory: the folder, where staff lockouts live, is what is locked.
const FREE_TRIES = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;

export interface PassphraseTries {
  /** Until when a try is refused (ms since the epoch), or null when one may be made now. */
  waitingUntil(now: number): number | null;
  wrong(now: number, where: string): void;
  right(): void;
}

export function passphraseTries(log: (line: string) => void): PassphraseTries {
  let wrongInARow = 0;
  let until = 0;
  return {
    waitingUntil: (now) => (now < until ? until : null),
    wrong(now, where) {
      if (++wrongInARow < FREE_TRIES) return;
      until = now + Math.min(FIRST_WAIT_MS * 2 ** (wrongInARow - FREE_TRIES), LONGEST_WAIT_MS);
      log(`${where}: ${wrongInARow} wrong passphrases in a row; waiting until ${new Date(until).toISOString()}`);
    },
    right() {
      wrongInARow = 0;
    },
  };
}
