// `Madoguchi --cli …` in a process of its own: the bundled entry under a fake `electron` (its stdout and stderr are
// the command's), made ready at once; exits with the code the entry passes to app.exit. Last, on stderr, one line
// `##windows <json>` saying what windows the command opened (a PDF's hidden window).
//   node electron-cli-child.mjs <electron-main.cjs> <args…>
import { fakeElectron } from './fake-electron';
import { loadElectronEntry } from './electron-entry';

const [file, ...args] = process.argv.slice(2);
const fake = fakeElectron();
loadElectronEntry(file!, fake, ['--cli', ...args]);
fake.ready();
const timer = setInterval(() => {
  if (fake.exitCode === null) return;
  clearInterval(timer);
  const windows = fake.windows.map((w) => ({ webPreferences: w.options.webPreferences, destroyed: w.destroyed }));
  process.stderr.write(`##windows ${JSON.stringify(windows)}\n`);
  process.exitCode = fake.exitCode;
}, 10);
