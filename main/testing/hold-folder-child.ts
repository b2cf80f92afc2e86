// Child process for the one-owner tests: opens a data folder as a program that writes would, says "held" (or
// "refused <message>"), and keeps it open until killed or its stdin closes.
import { openVenueDataFolder } from '../store/data-folder';

const [dir, passphrase] = process.argv.slice(2) as [string, string];
const r = openVenueDataFolder(dir, passphrase);
if (!r.ok) {
  process.stdout.write(`refused ${r.error.message}\n`);
  process.exit(0);
}
process.stdout.write('held\n');
process.stdin.resume();
process.stdin.on('end', () => {
  r.value.close();
  process.exit(0);
});
