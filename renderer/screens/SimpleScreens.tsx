import { useSessionStore } from '../stores/session-store';

export function StartingScreen() {
  return (
    <main className="gate" aria-busy="true">
      <p className="gate-lead">起動しています…</p>
    </main>
  );
}

export function UnavailableScreen() {
  const reason = useSessionStore((s) => s.unavailable);
  const start = useSessionStore((s) => s.start);
  return (
    <main className="gate">
      <div className="gate-card" role="alert">
        <h1 className="gate-title">窓口サービスに接続できません</h1>
        <p className="gate-lead">{reason}</p>
        <button className="btn btn-primary" type="button" autoFocus onClick={() => void start()}>
          再試行
        </button>
      </div>
    </main>
  );
}
