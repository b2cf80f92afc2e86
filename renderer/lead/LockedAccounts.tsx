// 職員のロック解除 (venue lead): accounts locked after wrong PINs (5 and 10: for a while; 15: until lifted here),
// and lifting a lockout. Main checks the role and records who lifted it (staff.unlocked); this only lists and asks.
import { useCallback, useEffect, useState } from 'react';
import type { LockedAccountView } from '../../shared/ipc/contract/session';
import { roleLabel } from '../format/labels';
import { tokyoDateTime } from '../format/dates';
import { DateText } from '../components/DateText';
import { invoke } from '../stores/call';

export function LockedAccounts() {
  const [accounts, setAccounts] = useState<LockedAccountView[] | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const load = useCallback(async () => {
    const r = await invoke('session:lockedAccounts', {});
    if (r.ok) setAccounts(r.value);
    else setMessage({ tone: 'error', text: r.error.message });
  }, []);
  useEffect(() => void load(), [load]);

  const unlock = async (a: LockedAccountView) => {
    const r = await invoke('session:unlockAccount', { staffId: a.staffId });
    setMessage(
      r.ok ? { tone: 'ok', text: `${a.displayName}（${a.staffId}）のロックを解除しました` } : { tone: 'error', text: r.error.message },
    );
    await load();
  };

  return (
    <section aria-labelledby="locked-accounts-title" data-testid="locked-accounts">
      <h3 id="locked-accounts-title">職員のロック解除</h3>
      {message && (
        <p className={message.tone === 'ok' ? 'verdict verdict-ok' : 'form-error'} role={message.tone === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {accounts === null ? null : accounts.length === 0 ? (
        <p className="hint">PINの誤りでロックされている職員はいません。</p>
      ) : (
        <ul className="locked-accounts">
          {accounts.map((a) => (
            <li key={a.staffId}>
              {a.displayName}（{a.staffId}・{roleLabel(a.role)}）：
              {a.lockedUntil === null ? (
                `PINの誤り${a.failedAttempts}回、解除するまでロック`
              ) : (
                <>
                  <DateText>{tokyoDateTime(a.lockedUntil)}</DateText>までロック
                </>
              )}{' '}
              <button className="btn" type="button" onClick={() => void unlock(a)}>
                ロックを解除する
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
