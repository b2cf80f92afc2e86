// Child process for the crash test: imports a series of ledgers into a venue data folder and says
// "committed <shipment>" after each commit returns. The parent SIGKILLs it at a random moment.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importLedger } from '../ledger/import-ledger';
import { openStoreWithKey } from '../store/data-folder';
import { systemClock } from '../clock';
import { keyIdOf } from '../crypto/key-files';

interface ChildPlan {
  dir: string;
  dbKeyHex: string;
  venuePem: string;
  hqPublicPem: string;
  ledgers: { shipmentId: string; file: string }[];
}

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ChildPlan;
const venuePrivate = createPrivateKey(plan.venuePem);
const venuePublic = createPublicKey(venuePrivate);
const hqPublic = createPublicKey(plan.hqPublicPem);
const venueKey = {
  role: 'venue' as const,
  venue: 'toyosu' as const,
  alg: 'x25519' as const,
  keyId: keyIdOf(venuePublic),
  privateKey: venuePrivate,
  publicKey: venuePublic,
};
const hqKey = { role: 'hq' as const, venue: null, alg: 'ed25519' as const, keyId: keyIdOf(hqPublic), publicKey: hqPublic };
const files = plan.ledgers.map((l) => ({ ...l, bytes: readFileSync(l.file) }));

const store = openStoreWithKey(plan.dir, 'toyosu', 'toyosu-crash01', Buffer.from(plan.dbKeyHex, 'hex'));
const started = Date.now();
process.stdout.write('ready\n');
for (const l of files) {
  process.stdout.write(`begin ${l.shipmentId}\n`);
  const r = importLedger({ store, clock: systemClock, actor: 'crash-test' }, l.bytes, { venueKey, hqKey });
  if (!r.ok) {
    process.stderr.write(`import failed: ${r.error.message}\n`);
    process.exit(2);
  }
  process.stdout.write(`committed ${l.shipmentId}\n`);
}
process.stdout.write(`done ${Date.now() - started}\n`);
store.close();
