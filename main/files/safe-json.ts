// JSON from a file a person handed us: unparseable text is simply "not that kind of file", never a throw.
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
