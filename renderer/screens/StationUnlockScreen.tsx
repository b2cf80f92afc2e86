// The first screen when a station starts: the venue's data folder is encrypted, and its passphrase (held by
// the venue lead) opens it for the day. Staff then sign in with their own id and PIN.
import { useState, type FormEvent } from 'react';
import { useSessionStore } from '../stores/session-store';
import { FreeSpaceNotice } from '../components/FreeSpaceNotice';

export function StationUnlockScreen() {
  const error = useSessionStore((s) => s.error);
  const busy = useSessionStore((s) => s.busy);
  const station = useSessionStore((s) => s.station);
  const unlock = useSessionStore((s) => s.unlockStation);
  const [passphrase, setPassphrase] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void unlock(passphrase).then(() => setPassphrase(''));
  };

  return (
    <main className="gate" aria-labelledby="station-title">
      <form className="gate-card" onSubmit={submit} noValidate>
        <h1 id="station-title" className="gate-title">
          データフォルダのロック解除
        </h1>
        {/* The venue, whose passphrase opens it, and the station's label (本庁舎 窓口2) so that two PCs of one venue
            are told apart: the label from the plain copy beside the keyring, the venue alone where there is none.
            The id is for support only (on hover). */}
        <p className="gate-lead" data-testid="unlock-venue" title={station?.stationId ?? undefined}>
          {station?.hq
            ? '事務センター'
            : station?.venue
              ? `${station.venue.name}${station.stationLabel === null ? '' : ` ${station.stationLabel}`}（${station.venue.place}）`
              : 'この端末のデータフォルダが見つかりません'}
        </p>
        <label className="field">
          <span className="field-label">{station?.hq ? '事務センターのパスフレーズ' : '会場のパスフレーズ'}</span>
          <input
            className="field-input"
            type="password"
            autoComplete="off"
            autoFocus
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </label>
        {/* この端末で自動的に開く is on but did not open it (another Windows user, the OS's store reset): why, and that
            the passphrase still does. */}
        {station?.autoOpenProblem && (
          <p className="verdict verdict-missing auto-open-problem" role="status" data-testid="auto-open-problem">
            {station.autoOpenProblem}
          </p>
        )}
        {/* The lead opens the station each morning: the first place to hear the disk is filling. */}
        <FreeSpaceNotice warning={station?.freeSpace} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button className="btn btn-primary btn-wide" type="submit" disabled={busy}>
          ロックを解除（Enter）
        </button>
      </form>
    </main>
  );
}
