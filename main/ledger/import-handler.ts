// The lead's import screen, on the same service as `madoguchi ledger import`: keys and ledger are read in the
// window and sent here; progress goes back phase by phase. The event loop gets a turn between phases so the
// progress actually reaches the screen; the write itself is one transaction, all or nothing.
import { setImmediate as tick } from 'node:timers/promises';
import type { ChannelOutput, IpcResult } from '../../shared/ipc/contract';
import { decodePrivateKeyFile, decodePublicKeyFile } from '../crypto/key-files';
import { commitLedger, openLedgerForStore } from './import-ledger';
import type { CounterContext } from '../counter/counter-service';
import { actorOf, type Staff } from '../auth/staff';
import type { Push } from '../ipc/push';

export interface ImportRequest {
  readonly ledgerBase64: string;
  readonly venueKeyFile: string;
  readonly hqPublicKeyFile: string;
  readonly passphrase: string;
}

const STEPS = 4;

export async function importLedgerFromWindow(
  ctx: CounterContext,
  staff: Staff,
  req: ImportRequest,
  push: Push,
): Promise<IpcResult<ChannelOutput<'ledger:import'>>> {
  const progress = async (phase: 'keys' | 'verify' | 'write' | 'done', step: number) => {
    push('ledger:progress', { phase, step, steps: STEPS });
    await tick();
  };
  const fail = (code: 'bad-key-file' | 'wrong-passphrase' | 'ledger-refused' | 'conflict', message: string) => ({
    ok: false as const,
    error: { code, message },
  });

  await progress('keys', 1);
  const hqKey = decodePublicKeyFile(req.hqPublicKeyFile);
  if (!hqKey.ok || hqKey.value.role !== 'hq') return fail('bad-key-file', '事務センターの公開鍵（hq.pub）を選んでください');
  const venueKey = decodePrivateKeyFile(req.venueKeyFile, req.passphrase);
  if (!venueKey.ok) {
    return venueKey.error.code === 'wrong-passphrase'
      ? fail('wrong-passphrase', venueKey.error.message)
      : fail('bad-key-file', `会場の秘密鍵（<会場>.key）を選んでください: ${venueKey.error.message}`);
  }
  if (venueKey.value.role !== 'venue') return fail('bad-key-file', '会場の秘密鍵（<会場>.key）を選んでください');

  await progress('verify', 2);
  const bytes = Buffer.from(req.ledgerBase64, 'base64');
  const opened = openLedgerForStore({ ...ctx, actor: '' }, bytes, { venueKey: venueKey.value, hqKey: hqKey.value });
  if (!opened.ok) return fail('ledger-refused', opened.error.message);

  await progress('write', 3);
  const committed = commitLedger({ store: ctx.store, clock: ctx.clock, actor: actorOf(staff) }, opened.value);
  if (!committed.ok) {
    const c = committed.error;
    return c.code === 'conflict'
      ? fail(
          'conflict',
          `${c.message}: ${c.conflicts
            .slice(0, 5)
            .map((x) => x.reservationNo)
            .join('、')}${c.conflicts.length > 5 ? ' ほか' : ''}`,
        )
      : fail('ledger-refused', c.message);
  }
  await progress('done', 4);
  const { status, shipmentId, rowCount, pinned } = committed.value;
  return { ok: true, value: { status, shipmentId, rowCount, pinnedFingerprint: pinned?.fingerprint ?? null } };
}
