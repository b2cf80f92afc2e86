/** A keyboard shortcut, shown on its button. */
export function Key({ k }: { readonly k: string }) {
  return <kbd className="key">{k}</kbd>;
}
