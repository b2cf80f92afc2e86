// A file picker in Japanese. The browser's own <input type="file"> says "Choose File" / "No file chosen" in
// the browser's language, which a ward PC may not be set to; this one is a button 「ファイルを選ぶ」 that opens the
// same (hidden) input, and the chosen file's name beside it. The label stays the hidden input's label, so
// clicking it still opens the picker and tests can still set the files through it.
import { useEffect, useRef } from 'react';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly accept: string;
  readonly file: File | null;
  readonly disabled?: boolean;
  readonly onChange: (file: File | null) => void;
}

export function FilePicker({ id, label, accept, file, disabled = false, onChange }: Props) {
  const input = useRef<HTMLInputElement>(null);
  // A file forgotten by the form (the next ledger's import) is forgotten by the input too: choosing the same file
  // again must read as a choice, not as the unchanged input Chromium then reports as cancelled.
  useEffect(() => {
    if (file === null && input.current) input.current.value = '';
  }, [file]);
  return (
    <div className="file-field">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      <div className="file-picker">
        {/* Described (not labelled) by the field's words, so the button's own name stays 「ファイルを選ぶ」. */}
        <button
          className="btn"
          type="button"
          disabled={disabled}
          aria-describedby={`${id}-label ${id}-name`}
          onClick={() => input.current?.click()}
        >
          ファイルを選ぶ
        </button>
        <span id={`${id}-name`} className={file ? 'file-name' : 'file-name file-none'} data-testid={`${id}-name`}>
          {file?.name ?? '選択されていません'}
        </span>
        <input
          ref={input}
          id={id}
          className="file-input-hidden"
          type="file"
          accept={accept}
          tabIndex={-1}
          disabled={disabled}
          onChange={(e) => {
            // Cancelling the dialog keeps the file chosen before (an empty list would forget it silently).
            const chosen = e.currentTarget.files?.[0];
            if (chosen) onChange(chosen);
          }}
        />
      </div>
    </div>
  );
}
