/** A date, or a date and time, that never breaks across lines: a line may wrap before or after it, never
 *  inside it ("1958年3月" / "14日" reads as two different dates). */
export function DateText({ children }: { readonly children: string }) {
  return <span className="date">{children}</span>;
}
