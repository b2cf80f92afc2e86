// Child process for the two-creators test: waits for the go file, then creates a venue data folder with its own
// passphrase, and says "created <stationId>" or "refused <message>".
import { existsSync } from 'node:fs';
import { createVenueDataFolder } from '../store/data-folder';

const [dir, passphrase, go] = process.argv.slice(2) as [string, string, string];
// Both children start, then both wait for the same moment, so their creations overlap.
while (!existsSync(go)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
try {
  const store = createVenueDataFolder(dir, 'sogo', passphrase);
  process.stdout.write(`created ${store.stationId}\n`);
  store.close();
} catch (e) {
  process.stdout.write(`refused ${(e as Error).message}\n`);
}
