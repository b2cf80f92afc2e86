// The first-run setup's steps (SetupWizard.tsx): each one's fields, in the venue lead's words. What they enter is
// checked by main (main/setup/setup-checks.ts); here only what to enter and why.
import { VENUE_IDS, VENUES } from '../../shared/venues/venues';
import { FilePicker } from '../components/FilePicker';
import { useSetupStore } from '../stores/setup-store';

export function StationStep() {
  const draft = useSetupStore((s) => s.draft);
  const set = useSetupStore((s) => s.set);
  return (
    <>
      <fieldset className="setup-venues">
        <legend className="field-label">この端末を置く会場</legend>
        {VENUE_IDS.map((id, i) => (
          <label key={id} className="setup-choice">
            <input
              type="radio"
              name="venue"
              value={id}
              checked={draft.venue === id}
              autoFocus={draft.venue === null ? i === 0 : draft.venue === id}
              onChange={() => set({ venue: id })}
            />
            <span>
              <strong>{VENUES[id].name}</strong>（{VENUES[id].place}）
            </span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field-label">端末の呼び名（同じ会場の端末と区別します。例: 窓口1、窓口2）</span>
        <input
          className="field-input"
          autoComplete="off"
          maxLength={20}
          value={draft.stationLabel}
          onChange={(e) => set({ stationLabel: e.target.value })}
        />
      </label>
    </>
  );
}

export function PassphraseStep() {
  const draft = useSetupStore((s) => s.draft);
  const set = useSetupStore((s) => s.set);
  return (
    <>
      <p className="setup-hint">
        この端末の記録は暗号化して保存します。毎朝、会場責任者がこのパスフレーズで開きます。8文字以上で、会場責任者だけが知るものにしてください（忘れると開けません）。
      </p>
      <label className="field">
        <span className="field-label">パスフレーズ</span>
        <input
          className="field-input"
          type="password"
          autoComplete="new-password"
          autoFocus
          value={draft.passphrase}
          onChange={(e) => set({ passphrase: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field-label">パスフレーズ（確認のため、もう一度）</span>
        <input
          className="field-input"
          type="password"
          autoComplete="new-password"
          value={draft.passphraseAgain}
          onChange={(e) => set({ passphraseAgain: e.target.value })}
        />
      </label>
    </>
  );
}

export function HqKeyStep() {
  const draft = useSetupStore((s) => s.draft);
  const set = useSetupStore((s) => s.set);
  const file = useSetupStore((s) => s.files.hqPub ?? null);
  const fingerprint = useSetupStore((s) => s.fingerprint);
  const busy = useSetupStore((s) => s.busy);
  const chooseFile = useSetupStore((s) => s.chooseFile);
  return (
    <>
      <p className="setup-hint">事務センターから受け取った公開鍵ファイル hq.pub を選びます。</p>
      <FilePicker
        id="setup-hq-pub"
        label="事務センターの公開鍵（hq.pub）"
        accept=".pub"
        file={file}
        disabled={busy}
        onChange={(f) => f && void chooseFile('hqPub', f)}
      />
      {fingerprint && (
        <div className="setup-fingerprint-box">
          <p className="setup-fingerprint-say">事務センターに電話で読み上げて確認してください</p>
          <p className="setup-fingerprint mono" data-testid="setup-fingerprint" aria-label={`指紋 ${fingerprint}`}>
            {fingerprint}
          </p>
          <label className="setup-choice setup-confirm">
            <input
              type="checkbox"
              autoFocus
              checked={draft.hqFingerprintConfirmed}
              onChange={(e) => set({ hqFingerprintConfirmed: e.target.checked })}
            />
            <span>事務センターが読み上げた指紋と、すべて同じであることを確かめました</span>
          </label>
        </div>
      )}
    </>
  );
}

export function SyncStep() {
  const sync = useSetupStore((s) => s.draft.sync);
  const files = useSetupStore((s) => s.files);
  const busy = useSetupStore((s) => s.busy);
  const setSync = useSetupStore((s) => s.setSync);
  const chooseFile = useSetupStore((s) => s.chooseFile);
  return (
    <>
      <p className="setup-hint">
        毎日の記録を事務センターに送る設定です。事務センターの hq-sync.json
        と、この会場の秘密鍵（.key）を選びます。まだ受け取っていなければ「後で設定する」で進めます。
      </p>
      <FilePicker
        id="setup-hq-sync"
        label="事務センターの同期設定ファイル（hq-sync.json）"
        accept=".json"
        file={files.hqSync ?? null}
        disabled={busy}
        onChange={(f) => f && void chooseFile('hqSync', f)}
      />
      <FilePicker
        id="setup-venue-key"
        label="この会場の秘密鍵（<会場>.key）"
        accept=".key"
        file={files.venueKey ?? null}
        disabled={busy}
        onChange={(f) => f && void chooseFile('venueKey', f)}
      />
      <label className="field">
        <span className="field-label">会場の秘密鍵のパスフレーズ</span>
        <input
          className="field-input"
          type="password"
          autoComplete="off"
          value={sync?.venueKeyPassphrase ?? ''}
          onChange={(e) => setSync({ venueKeyPassphrase: e.target.value })}
        />
      </label>
    </>
  );
}

export function LeadStep() {
  const lead = useSetupStore((s) => s.draft.lead);
  const setLead = useSetupStore((s) => s.setLead);
  const field = (key: keyof typeof lead, label: string, secret = false, first = false) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        className="field-input"
        type={secret ? 'password' : 'text'}
        inputMode={secret ? 'numeric' : undefined}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        autoFocus={first}
        maxLength={secret ? 16 : 40}
        value={lead[key]}
        onChange={(e) => setLead({ [key]: e.target.value })}
      />
    </label>
  );
  return (
    <>
      <p className="setup-hint">最初の会場責任者です。ほかの職員は、設定のあと会場責任者メニュー（F4）の「職員の管理」で登録します。</p>
      <div className="setup-two">
        {field('staffId', '職員ID（英数字）', false, true)}
        {field('displayName', '氏名（画面と印刷に出ます）')}
        {field('pin', 'PIN（4〜8桁の数字）', true)}
        {field('pinAgain', 'PIN（確認のため、もう一度）', true)}
      </div>
    </>
  );
}

export function RegistrationStep() {
  const folder = useSetupStore((s) => s.draft.registrationFolder);
  const picker = useSetupStore((s) => s.folderPicker);
  const busy = useSetupStore((s) => s.busy);
  const set = useSetupStore((s) => s.set);
  const chooseFolder = useSetupStore((s) => s.chooseFolder);
  return (
    <>
      <p className="setup-hint">
        この端末の登録ファイル（<span className="mono">端末ID.station.json</span>
        ）を、事務センターに渡すUSBメモリなどに書き出します。「設定する」を押すと、データフォルダを作って設定をすべて保存し、このファイルを書き出します。
      </p>
      <label className="field">
        <span className="field-label">書き出すフォルダ（例: E:\ や /media/usb）</span>
        <input
          className="field-input"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={folder}
          onChange={(e) => set({ registrationFolder: e.target.value })}
        />
      </label>
      {picker && (
        <button className="btn" type="button" disabled={busy} onClick={() => void chooseFolder()}>
          フォルダを選ぶ
        </button>
      )}
    </>
  );
}
