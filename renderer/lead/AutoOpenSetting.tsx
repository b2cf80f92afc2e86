// この端末で自動的に開く, on the backup page (the lead's settings; HQ staff's for HQ's folder): the data folder's
// key also kept in this Windows user's credentials, so the station opens at start without the passphrase (staff
// still sign in). Turning it on asks for the passphrase again; main checks it, refuses where the OS has no key
// store (browser mode) and records the change. The passphrase stays in this component only, cleared once sent.
import { useEffect, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../shared/ipc/contract';
import { invoke } from '../stores/call';

type View = ChannelOutput<'auto-open:status'>;

export function AutoOpenSetting() {
  const [view, setView] = useState<View | null>(null);
  const [asking, setAsking] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void invoke('auto-open:status', {}).then((r) => (r.ok ? setView(r.value) : setError(r.error.message)));
  }, []);

  const done = (r: Awaited<ReturnType<typeof invoke<'auto-open:enable'>>>, said: string) => {
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setView(r.value);
    setAsking(false);
    setMessage(said);
  };
  const turnOn = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    const r = await invoke('auto-open:enable', { passphrase });
    setPassphrase('');
    done(r, 'オンにしました。次からこの端末（この Windows のユーザー）ではパスフレーズなしでデータフォルダが開きます');
  };
  const turnOff = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    done(await invoke('auto-open:disable', {}), 'オフにしました。次からはパスフレーズでデータフォルダを開きます');
  };

  return (
    <form className="inline-form auto-open" onSubmit={(e) => void turnOn(e)} aria-label="この端末で自動的に開く" data-testid="auto-open">
      <span className="field-label">この端末で自動的に開く（Windows の資格情報で鍵を保護）:</span>
      <strong data-testid="auto-open-state">{view === null ? '…' : view.on ? 'オン' : 'オフ'}</strong>
      {view?.on && (
        <button className="btn" type="button" disabled={busy} onClick={() => void turnOff()}>
          オフにする
        </button>
      )}
      {view && !view.on && !asking && (
        <button
          className="btn"
          type="button"
          // Where the OS cannot keep the key, the line beside says why; a button that looked usable only to fail
          // after the passphrase was typed misled (outside trial).
          disabled={busy || view.unavailable !== null}
          onClick={() => {
            setAsking(true);
            setError(null);
            setMessage(null);
          }}
        >
          オンにする…
        </button>
      )}
      {asking && (
        <>
          <label className="field-label" htmlFor="auto-open-passphrase">
            データフォルダのパスフレーズ
          </label>
          <input
            id="auto-open-passphrase"
            type="password"
            autoComplete="off"
            autoFocus
            maxLength={1024}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
          />
          <button className="btn" type="submit" disabled={busy}>
            {busy ? '確認中…' : 'オンにする'}
          </button>
          <button
            className="btn"
            type="button"
            disabled={busy}
            onClick={() => {
              setAsking(false);
              setPassphrase('');
            }}
          >
            やめる
          </button>
        </>
      )}
      {view?.unavailable && !view.on && <span className="hint">{view.unavailable}</span>}
      {error && (
        <span className="form-error" role="alert" data-testid="auto-open-error">
          {error}
        </span>
      )}
      {message && (
        <span className="verdict verdict-ok" role="status" data-testid="auto-open-message">
          {message}
        </span>
      )}
    </form>
  );
}
