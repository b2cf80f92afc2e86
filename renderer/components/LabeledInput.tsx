// A label and its text field side by side, as a filter row has them (日付, 職員ID, 予約管理番号): the label names
// the field for a screen reader and a test, and a click on it puts the cursor there.
export function LabeledInput({
  id,
  label,
  value,
  onChange,
  maxLength,
  placeholder,
  size,
  inputMode,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly maxLength: number;
  readonly placeholder?: string;
  /** The field's width in characters, where the default is too wide or narrow for what it holds. */
  readonly size?: number;
  readonly inputMode?: 'numeric';
}) {
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        size={size}
        inputMode={inputMode}
        autoComplete="off"
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </>
  );
}
