// 検索: for a resident without the notice. Kana (or name) prefix plus birth date; the date may be typed as
// 西暦 (1981-12-07, 1981/12/7) or 和暦 (昭和56年12月7日, S56.12.7) and is shown back as both.
import { useEffect, useRef, type FormEvent } from 'react';
import { SEARCH_RESULT_CAP } from '../../shared/counter/outcomes';
import { SEARCH_MIN_PREFIX } from '../../shared/counter/search-rules';
import { parseJapaneseDate } from '../../shared/roster/japanese-date';
import { Key } from '../components/Key';
import { Modal } from '../components/Modal';
import { warekiDate, westernDate } from '../format/dates';
import { HIT_STATE_LABELS } from '../format/labels';
import { useCounterStore } from '../stores/counter-store';
import { useUiStore } from '../stores/ui-store';
import { BirthDate } from './CardDetails';
import { PendingScans } from './PendingScans';
import { count } from '../../shared/numbers';

export function SearchDialog() {
  const search = useUiStore((s) => s.search);
  const updateSearch = useUiStore((s) => s.updateSearch);
  const runSearch = useUiStore((s) => s.runSearch);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const viewCard = useCounterStore((s) => s.viewCard);
  const firstHit = useRef<HTMLButtonElement>(null);
  const date = search.birthDate.trim() === '' ? null : parseJapaneseDate(search.birthDate);

  useEffect(() => {
    if (search.result && search.result.hits.length > 0) firstHit.current?.focus();
  }, [search.result]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void runSearch();
  };
  const choose = (reservationNo: string) => {
    viewCard(reservationNo);
    closeDialog();
  };

  return (
    <Modal title="検索（氏名・カナ＋生年月日）" onCancel={closeDialog} className="modal-wide" testId="search-dialog">
      <PendingScans />
      <form className="search-form" onSubmit={submit} noValidate>
        <label className="field">
          <span className="field-label">氏名またはカナ（先頭から{SEARCH_MIN_PREFIX}文字以上）</span>
          <input
            className="field-input"
            name="search-prefix"
            autoComplete="off"
            data-autofocus=""
            value={search.prefix}
            onChange={(e) => updateSearch({ prefix: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">生年月日（西暦 YYYY-MM-DD、和暦も可）</span>
          <input
            className="field-input"
            name="search-birth"
            autoComplete="off"
            placeholder="1981-12-07"
            value={search.birthDate}
            onChange={(e) => updateSearch({ birthDate: e.target.value })}
          />
        </label>
        <p className="hint" role="status" data-testid="search-date-hint">
          {date === null
            ? '例：1981-12-07、昭和56年12月7日、S56.12.7'
            : date.ok
              ? `→ ${westernDate(date.value)}（${warekiDate(date.value) ?? ''}）`
              : date.reason}
        </p>
        {search.error && (
          <p className="form-error" role="alert">
            {search.error}
          </p>
        )}
        <div className="button-row">
          <button className="btn btn-primary" type="submit" disabled={search.busy}>
            検索 <Key k="Enter" />
          </button>
          <button className="btn" type="button" onClick={closeDialog}>
            閉じる <Key k="Esc" />
          </button>
        </div>
      </form>
      {search.result && (
        <section className="results" aria-label="検索結果" data-testid="search-results">
          {search.result.hits.length === 0 ? (
            <p className="results-empty">該当する方はいません。</p>
          ) : (
            <>
              <p className="results-count">
                {search.result.capped
                  ? `該当が${SEARCH_RESULT_CAP}件を超えました。先頭${SEARCH_RESULT_CAP}件を表示しています。氏名・カナをもっと入力してください。`
                  : count(search.result.hits.length)}
              </p>
              <ul className="results-list">
                {search.result.hits.map((h, i) => (
                  <li key={h.reservationNo}>
                    <button ref={i === 0 ? firstHit : undefined} type="button" className="result" onClick={() => choose(h.reservationNo)}>
                      <span className="result-name">{h.name}</span>
                      <span className="result-kana">{h.kana}</span>
                      <span className="result-birth">
                        <BirthDate iso={h.birthDate} />
                      </span>
                      <span className={`result-state result-state-${h.state}`}>{HIT_STATE_LABELS[h.state]}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </Modal>
  );
}
