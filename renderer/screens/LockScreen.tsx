import { useState, type FormEvent } from 'react';
import { useSessionStore } from '../stores/session-store';
import { HeldScansNotice, StrayKeys } from '../components/ScanHold';
import { roleLabel } from '../format/labels';

/** Shown after the idle time or Ctrl+L: nothing of the counter is rendered behind it. */
export function LockScreen() {
  const session = useSessionStore((s) => s.session);
  const stationName = useSessionStore((s) => s.station?.stationName ?? null);
  const error = useSessionStore((s) => s.error);
  const busy = useSessionStore((s) => s.busy);
  const unlock = useSessionStore((s) => s.unlock);
  const signOut = useSessionStore((s) => s.signOut);
  const [pin, setPin] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void unlock(pin).then(() => setPin(''));
  };

  return (
    <main className="gate gate-locked" aria-labelledby="lock-title">
      <form className="gate-card" onSubmit={submit} noValidate>
        <h1 id="lock-title" className="gate-title">
          画面ロック中
        </h1>
        {stationName && (
          <p className="gate-lead" data-testid="lock-station">
            {stationName}
          </p>
        )}
        {session && (
          <p className="gate-lead">
            {session.displayName}（{session.staffId}・{roleLabel(session.role)}）のPINで解除します
          </p>
        )}
        <label className="field">
          <span className="field-label">PIN</span>
          <input
            className="field-input"
            name="unlockPin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={16}
            autoFocus
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        <HeldScansNotice at="locked" />
        <StrayKeys />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button className="btn btn-primary" type="submit" disabled={busy}>
            解除（Enter）
          </button>
          <button className="btn" type="button" onClick={() => void signOut()}>
            サインアウト
          </button>
        </div>
        <p className="gate-hint">別の職員が使うときは、サインアウトしてからサインインしてください。</p>
      </form>
    </main>
  );
}
