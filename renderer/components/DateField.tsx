// A date field in Japanese. The browser's <input type="date"> shows the browser's format (12/02/2026 on an
// English Chromium) and cannot take 和暦; this one is a text field that takes what staff write — 2026/12/02,
// 2026-12-02, 20261202, 2026年12月2日, 令和8年12月2日, R8.12.2 (全角 too; shared/roster/japanese-date.ts) — and says
// back the day it understood, 2026年12月2日（水）, or why it cannot read it. The value outside is always ISO.
import { useState } from 'react';
import { parseJapaneseDate } from '../../shared/roster/japanese-date';
import { dateWithWeekday } from '../format/dates';

interface Props {
  readonly id: string;
  /** The day as YYYY-MM-DD. */
  readonly value: string;
  readonly onChange: (iso: string) => void;
}

/** How a day is written into the field: 2026/12/02, the shortest form people type back. */
function typed(iso: string): string {
  return iso.replaceAll('-', '/');
}

export function DateField({ id, value, onChange }: Props) {
  const [text, setText] = useState(() => typed(value));
  const [shownFor, setShownFor] = useState(value);
  // A new value from outside (the page reset to today) replaces what was typed; the parent's echo of our own
  // change does not, so a person's 令和8年12月2日 stays as they wrote it.
  if (value !== shownFor) {
    setShownFor(value);
    const mine = parseJapaneseDate(text);
    if (!(mine.ok && mine.value === value)) setText(typed(value));
  }
  const parsed = parseJapaneseDate(text);
  return (
    <span className="date-field">
      <input
        id={id}
        className="date-input"
        type="text"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-describedby={`${id}-echo`}
        aria-invalid={!parsed.ok}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const r = parseJapaneseDate(next);
          if (r.ok && r.value !== value) {
            setShownFor(r.value);
            onChange(r.value);
          }
        }}
      />
      <span id={`${id}-echo`} className={parsed.ok ? 'date-echo' : 'date-echo date-echo-bad'} data-testid={`${id}-echo`} aria-live="polite">
        {parsed.ok ? dateWithWeekday(parsed.value) : parsed.reason}
      </span>
    </span>
  );
}
