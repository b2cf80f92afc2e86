import { useState, type FormEvent } from 'react';
import { useSessionStore } from '../stores/session-store';
import { HeldScansNotice, StrayKeys } from '../components/ScanHold';
import { FreeSpaceNotice } from '../components/FreeSpaceNotice';

export function SignInScreen() {
  const error = useSessionStore((s) => s.error);
  const busy = useSessionStore((s) => s.busy);
  const signIn = useSessionStore((s) => s.signIn);
  const atHq = useSessionStore((s) => s.station?.hq ?? false);
  // Which counter this is, as people name it (本庁舎 窓口1); the venue alone where no label is set.
  const venue = useSessionStore((s) => s.station?.stationName ?? s.station?.venue?.name ?? null);
  const freeSpace = useSessionStore((s) => s.station?.freeSpace);
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void signIn(staffId, pin).then(() => setPin(''));
  };

  return (
    <main className="gate" aria-labelledby="signin-title">
      <form className="gate-card" onSubmit={submit} noValidate>
        <h1 id="signin-title" className="gate-title">
          {atHq ? '事務センター サインイン' : '窓口 サインイン'}
        </h1>
        <p className="gate-lead" data-testid="sign-in-venue">
          {venue
            ? `${venue}　マイナンバーカード交付窓口`
            : atHq
              ? '江東区 マイナンバーカード交付 事務センター'
              : 'マイナンバーカード交付窓口'}
        </p>
        <label className="field">
          <span className="field-label">職員ID</span>
          <input
            className="field-input"
            name="staffId"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            autoFocus
            value={staffId}
            onChange={(e) => setStaffId(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">PIN（数字）</span>
          <input
            className="field-input"
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={16}
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        <FreeSpaceNotice warning={freeSpace} />
        <HeldScansNotice at="signed-out" />
        <StrayKeys />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button className="btn btn-primary btn-wide" type="submit" disabled={busy}>
          サインイン（Enter）
        </button>
      </form>
    </main>
  );
}
