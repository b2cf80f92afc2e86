// An exception nobody expected, for a local log (browser mode's server, the IPC dispatcher): its kind and where it
// was thrown, not its message (a message can quote what was sent, a JSON fragment or a resident's name), so
// nothing personal is written.
export function describeUnexpected(e: unknown): string {
  if (!(e instanceof Error)) return `(${typeof e})`;
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  return [e.name, ...frames].join('\n');
}
