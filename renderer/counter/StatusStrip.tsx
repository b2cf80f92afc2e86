import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { roleLabel } from '../format/labels';
import { tokyoClockTime } from '../format/dates';
import type { StatusView } from '../../shared/ipc/contract';
import { count, num } from '../../shared/numbers';
import { useConnectionStore } from '../stores/connection-store';
import { backupReminderText } from '../format/backup-words';

function scannerText(scanner: StatusView['scanner'], windowFocused: boolean, reachable: boolean): { text: string; good: boolean } {
  // A scan is read but cannot be looked up: not ready, whatever the device says. It waits and is shown later.
  if (!reachable) return { text: '照会できません（保留）', good: false };
  switch (scanner.mode) {
    case 'keyboard':
      // A keyboard-mode scanner types into whichever window has the focus: that is what decides here.
      return windowFocused
        ? { text: 'キーボード入力型・受信できます', good: true }
        : { text: 'キーボード入力型・受信できません（画面をクリック）', good: false };
    case 'hid':
      return scanner.connected
        ? { text: `接続中${scanner.device ? `（${scanner.device}）` : ''}`, good: true }
        : { text: '未接続', good: false };
    case 'none':
      return { text: 'なし（番号入力 F2）', good: false };
  }
}

export function StatusStrip() {
  const session = useSessionStore((s) => s.session);
  const status = useSessionStore((s) => s.status);
  const windowFocused = useUiStore((s) => s.windowFocused);
  const lostAt = useConnectionStore((s) => s.lostAt);
  const scanner = status ? scannerText(status.scanner, windowFocused, lostAt === null) : null;
  return (
    <header className="status-strip" aria-label="状況">
      {lostAt !== null && (
        <span className="status-item status-bad status-lost" role="alert" data-testid="status-connection">
          窓口サービスと通信できません（{tokyoClockTime(lostAt)}〜）
        </span>
      )}
      {session && (
        <span className="status-item" data-testid="status-staff">
          <span className="status-label">職員</span> {session.displayName}（{session.staffId}・{roleLabel(session.role)}）
        </span>
      )}
      {status && (
        <>
          <span className="status-item" data-testid="status-venue">
            <span className="status-label">会場</span> <span title={status.stationId}>{status.stationName}</span>
          </span>
          <span className={`status-item ${scanner?.good ? 'status-good' : 'status-bad'}`} data-testid="status-scanner">
            <span className="status-label">スキャナー</span> {scanner?.text}
          </span>
          <span className="status-item" data-testid="status-today">
            <span className="status-label">本日の交付（この窓口）</span> <strong>{num(status.handoversTodayAtStation)}</strong>件
          </span>
          {status.todayClosed && (
            <span className="status-item status-bad" data-testid="status-closed">
              本日は日締め済み（{tokyoClockTime(status.todayClosed.at)}）
              {session?.role === 'lead' ? '' : '・記録には会場責任者の承認が必要'}
            </span>
          )}
          <span className="status-item" data-testid="status-outstanding">
            <span className="status-label">交付待ち（会場）</span> <strong>{num(status.outstandingAtVenue)}</strong>件
            <span className="status-sub">（台帳 {count(status.cardsAtVenue)}）</span>
          </span>
          {status.clock && (
            <span className="status-item status-bad" role="alert" data-testid="status-clock">
              {status.clock.message}
            </span>
          )}
          {/* To the lead, who looks into it with HQ: a clerk cannot act on it, and a resident may see the screen. */}
          {status.records && session?.role === 'lead' && (
            <span className="status-item status-bad" role="alert" data-testid="status-records">
              {status.records.message}
            </span>
          )}
          {status.searchRefusals.length > 0 && session?.role === 'lead' && (
            <span className="status-item status-bad" role="alert" data-testid="status-search-limit">
              検索の上限に達した職員がいます:{' '}
              {status.searchRefusals.map((r) => `${r.staff} ${tokyoClockTime(r.at)}（拒否 ${num(r.times)}回）`).join('、')}
              。名前での検索が続くときは理由を確かめてください
            </span>
          )}
          {/* The lead's alone (main sends it to no one else): made at 日締め, checked on the backup page. */}
          {status.backup && backupReminderText(status.backup) && (
            <span className="status-item status-bad" data-testid="status-backup">
              {backupReminderText(status.backup)}
            </span>
          )}
          {/* Last, on a line of its own where it wraps: for as long as the disk stays low, on every screen. */}
          {status.freeSpace && (
            <span className="status-item status-bad" role="alert" data-testid="status-free-space">
              {status.freeSpace.message}
            </span>
          )}
        </>
      )}
    </header>
  );
}
