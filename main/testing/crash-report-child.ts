// Child process for the crash-report test: a log and a crash report as the Electron entry sets them up, a few
// log lines (one careless, with a reservation number), then a real crash: an exception nobody catches, or a
// rejection nobody handles (argv[3]).
import { createRotatingLog } from '../logging/rotating-log';
import { installCrashReport } from '../logging/crash-report';
import { systemClock } from '../clock';

const [dir, how] = process.argv.slice(2) as [string, 'throw' | 'reject'];
const log = createRotatingLog({ dir, maxBytes: 1024 * 1024, keep: 3, clock: systemClock });
installCrashReport({ dir, clock: systemClock, log, version: '9.8.7-test', keep: 3 });
for (let i = 1; i <= 60; i++) log.log(`counter:scan ${i}`);
log.log('scan of A1B-123456 for 1983-04-01 went wrong');

function handOver(): never {
  // The message quotes a resident, as a careless one might: it must not reach the report.
  throw new TypeError('窓口　一郎 江東区豊洲3丁目2番1号 A1B-123456');
}
setTimeout(() => {
  if (how === 'reject') void Promise.reject(new RangeError('窓口　一郎'));
  else handOver();
}, 0);
