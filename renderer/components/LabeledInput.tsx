// A label and its text field side by side, as a filter row has them (日付, 職員ID, 予約管理番号): the label names
// the field for a screen reader and a test, and a click on it puts the cursor there.
export function LabeledInput({
  id,
  label,
  value,
  onChange,
  maxLength,
  placeholder,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly maxLength: number;
  readonly placeholder?: string;
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
        autoComplete="off"
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </>
  );
}
