// 初回設定: the window of a counter PC whose data folder does not exist yet. A venue lead, with no terminal, does
// here what `venue trust-hq --venue`, `staff add`, `sync setup` and `sync identity` do: one step at a time, each
// checked by main before the next; nothing is made until the last step, and then all at once. Enter goes on,
// the buttons say their keys, and every step fits a 1366×768 window without scrolling.
import { useEffect, useRef, type FormEvent } from 'react';
import { SETUP_STEPS, type SetupStep } from '../../shared/ipc/contract/setup';
import { useSetupStore } from '../stores/setup-store';
import { HqKeyStep, LeadStep, PassphraseStep, RegistrationStep, StationStep, SyncStep } from './SetupSteps';

const TITLES: Record<SetupStep, string> = {
  station: '会場と端末の呼び名',
  passphrase: 'データフォルダのパスフレーズ',
  'hq-key': '事務センターの鍵',
  sync: '日次同期の設定',
  lead: '会場責任者の職員アカウント',
  registration: '事務センターに渡す登録ファイル',
};

/** The steps as the progress line names them: short, so all six fit one line. */
const SHORT: Record<SetupStep, string> = {
  station: '会場',
  passphrase: 'パスフレーズ',
  'hq-key': '事務センターの鍵',
  sync: '日次同期',
  lead: '会場責任者',
  registration: '登録ファイル',
};

const BODIES: Record<SetupStep, () => React.JSX.Element> = {
  station: StationStep,
  passphrase: PassphraseStep,
  'hq-key': HqKeyStep,
  sync: SyncStep,
  lead: LeadStep,
  registration: RegistrationStep,
};

export function SetupWizard() {
  const step = useSetupStore((s) => s.step);
  const error = useSetupStore((s) => s.error);
  const busy = useSetupStore((s) => s.busy);
  const next = useSetupStore((s) => s.next);
  const back = useSetupStore((s) => s.back);
  const skipSync = useSetupStore((s) => s.skipSync);
  const at = SETUP_STEPS.indexOf(step);
  const Body = BODIES[step];
  const last = step === 'registration';

  // A step that opens on a file to choose (no field of its own to focus) focuses its first control, so the
  // keyboard is never left on nothing: Space/Enter chooses the file, Tab goes on to 次へ.
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      if (document.activeElement === document.body) section.current?.querySelector<HTMLElement>('button, input, select')?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [step]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) void next();
  };

  return (
    <main className="gate setup" aria-labelledby="setup-title" data-testid="setup-wizard">
      <form className="gate-card setup-card" onSubmit={submit} noValidate>
        <h1 id="setup-title" className="setup-title">
          この端末の初回設定（会場責任者）
        </h1>
        <ol className="setup-progress" aria-label="設定の手順">
          {SETUP_STEPS.map((s, i) => (
            <li key={s} aria-current={s === step ? 'step' : undefined} className={i < at ? 'setup-done' : undefined}>
              {i + 1}. {SHORT[s]}
            </li>
          ))}
        </ol>
        {/* Keyed by the step, so each step's first field takes the focus as it is shown. */}
        <section key={step} ref={section} className="setup-step" aria-labelledby="setup-step-title">
          <h2 id="setup-step-title" className="setup-step-title">
            {`${at + 1}／${SETUP_STEPS.length}\u3000${TITLES[step]}`}
          </h2>
          <Body />
        </section>
        {error && (
          <p className="form-error setup-error" role="alert" data-testid="setup-error">
            {error}
          </p>
        )}
        <div className="button-row setup-buttons">
          {busy && (
            <p className="setup-busy" aria-busy="true" role="status">
              {last ? 'この端末を設定しています（数秒かかります）…' : '確認しています…'}
            </p>
          )}
          {at > 0 && (
            <button className="btn" type="button" disabled={busy} onClick={back}>
              戻る
            </button>
          )}
          {step === 'sync' && (
            <button className="btn" type="button" disabled={busy} onClick={() => void skipSync()}>
              後で設定する（同期なしで進む）
            </button>
          )}
          <button className="btn btn-primary setup-next" type="submit" disabled={busy}>
            {last ? '設定する（Enter）' : '次へ（Enter）'}
          </button>
        </div>
      </form>
    </main>
  );
}
