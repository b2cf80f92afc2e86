// 職員の管理 (venue lead): enrol a clerk or lead, stop an account, set a new PIN. Every control is a form field
// or button in tab order; Enter submits the form it is in. Main checks the role and records each change.
import { useEffect, type FormEvent } from 'react';
import { useStaffStore } from '../stores/staff-store';
import { useSessionStore } from '../stores/session-store';
import { roleLabel } from '../format/labels';

export function StaffPage() {
  const s = useStaffStore();
  const me = useSessionStore((x) => x.session?.staffId);
  const load = useStaffStore((x) => x.load);
  useEffect(() => void load(), [load]);
  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    void s.add();
  };
  const onPin = (e: FormEvent) => {
    e.preventDefault();
    void s.resetPin();
  };
  return (
    <section className="lead-page" data-testid="staff-page" aria-labelledby="staff-title">
      <h1 id="staff-title">職員の管理</h1>
      <form className="inline-form" onSubmit={onAdd} aria-label="職員の登録">
        <label className="field-label" htmlFor="staff-id">
          職員ID
        </label>
        <input
          id="staff-id"
          size={12}
          maxLength={32}
          autoComplete="off"
          value={s.draft.staffId}
          onChange={(e) => s.setDraft({ staffId: e.target.value })}
        />
        <label className="field-label" htmlFor="staff-name">
          氏名
        </label>
        <input
          id="staff-name"
          size={14}
          maxLength={40}
          autoComplete="off"
          value={s.draft.displayName}
          onChange={(e) => s.setDraft({ displayName: e.target.value })}
        />
        <label className="field-label" htmlFor="staff-role">
          役割
        </label>
        <select id="staff-role" value={s.draft.role} onChange={(e) => s.setDraft({ role: e.target.value as 'clerk' | 'lead' })}>
          <option value="clerk">{roleLabel('clerk')}</option>
          <option value="lead">{roleLabel('lead')}</option>
        </select>
        <label className="field-label" htmlFor="staff-pin">
          PIN（4〜8桁）
        </label>
        <input
          id="staff-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          size={8}
          maxLength={16}
          value={s.draft.pin}
          onChange={(e) => s.setDraft({ pin: e.target.value })}
        />
        <button className="btn btn-primary" type="submit" disabled={s.busy}>
          登録する
        </button>
      </form>
      {s.error && (
        <p className="form-error" role="alert">
          {s.error}
        </p>
      )}
      {s.message && (
        <p className="verdict verdict-ok" role="status">
          {s.message}
        </p>
      )}
      {s.staff === null ? (
        <p aria-busy="true">読み込み中…</p>
      ) : (
        <div className="table-scroll">
          <table className="shipments" data-testid="staff-table">
            <thead>
              <tr>
                <th scope="col">職員ID</th>
                <th scope="col">氏名</th>
                <th scope="col">役割</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {s.staff.map((a) => (
                <tr key={a.staffId} data-testid={`staff-${a.staffId}`}>
                  <td className="mono">{a.staffId}</td>
                  <td>{a.displayName}</td>
                  <td>{roleLabel(a.role)}</td>
                  <td>
                    {s.editing?.staffId === a.staffId && s.editing.action === 'pin' ? (
                      <form className="inline-form confirm-inline" onSubmit={onPin}>
                        <label className="field-label" htmlFor="staff-new-pin">
                          新しいPIN
                        </label>
                        <input
                          id="staff-new-pin"
                          type="password"
                          inputMode="numeric"
                          autoComplete="off"
                          autoFocus
                          size={8}
                          maxLength={16}
                          value={s.newPin}
                          onChange={(e) => s.setNewPin(e.target.value)}
                        />
                        <button className="btn btn-primary" type="submit" disabled={s.busy}>
                          設定する
                        </button>
                        <button className="btn" type="button" onClick={() => s.edit(null)}>
                          やめる
                        </button>
                      </form>
                    ) : s.editing?.staffId === a.staffId ? (
                      <span className="confirm-inline">
                        <span>停止するとサインインできなくなります。</span>
                        <button className="btn btn-primary" type="button" autoFocus disabled={s.busy} onClick={() => void s.disable()}>
                          停止する
                        </button>
                        <button className="btn" type="button" onClick={() => s.edit(null)}>
                          やめる
                        </button>
                      </span>
                    ) : (
                      <>
                        <button className="btn" type="button" onClick={() => s.edit(a.staffId, 'pin')}>
                          PINを再設定
                        </button>
                        {a.staffId !== me && (
                          <button className="btn" type="button" onClick={() => s.edit(a.staffId, 'disable')}>
                            停止…
                          </button>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
