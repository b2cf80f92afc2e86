// A node:test reporter that writes one line as each test starts running (dequeue) and ends (complete), so
// that when a file hangs the runner (run-test-files.mjs) can name the tests that started and never finished;
// and the file's totals (the test runner's own diagnostics: `pass 12`, `fail 0` …) as they come at the end.
export default async function* progress(source) {
  for await (const event of source) {
    if (event.type === 'test:dequeue') yield `start\t${event.data.nesting}\t${event.data.name}\n`;
    else if (event.type === 'test:complete') yield `end\t${event.data.nesting}\t${event.data.name}\n`;
    else if (event.type === 'test:diagnostic' && event.data.nesting === 0) yield `total\t${event.data.message}\n`;
  }
}

/** A file's totals from the lines above, or null when the file ended before reporting them. */
export function fileTotals(text) {
  const total = (name) => {
    const m = text.match(new RegExp(`^total\t${name} (\\d+)$`, 'm'));
    return m ? Number(m[1]) : null;
  };
  const pass = total('pass');
  if (pass === null) return null;
  return { pass, fail: (total('fail') ?? 0) + (total('cancelled') ?? 0), skipped: total('skipped') ?? 0 };
}

/** Tests (outermost first) that started and have not ended, from the lines above. */
export function unfinishedTests(text) {
  const open = [];
  for (const line of text.split('\n')) {
    const [what, nesting, ...rest] = line.split('\t');
    const name = rest.join('\t');
    if (what === 'start') open.push({ nesting: Number(nesting), name });
    else if (what === 'end') {
      const i = open.findLastIndex((t) => t.nesting === Number(nesting) && t.name === name);
      if (i >= 0) open.splice(i, 1);
    }
  }
  return open.sort((a, b) => a.nesting - b.nesting).map((t) => t.name);
}
