// The first-run setup's channels, answered by the station itself while it has no data folder (station.ts): no
// one is signed in, so each input is checked against the contract here, and each call first asks whether the
// folder is still missing — once it exists (made by this setup, a command, or another program), every setup
// call is refused, so a second run cannot set a station up over its first.
import { contract, type IpcResult, type StationView } from '../../shared/ipc/contract';
import { setupContract } from '../../shared/ipc/contract/setup';
import type { Clock } from '../clock';
import type { FolderPicker } from '../backup/folder-picker';
import { fingerprintOf } from '../crypto/hq-key-trust';
import { checkSetup, readHqPub } from './setup-checks';
import { ALREADY_SET_UP, provisionStation } from './provision';
import { needsSetup } from './needs-setup';

type SetupChannel = keyof typeof setupContract;

export function isSetupChannel(channel: string): channel is SetupChannel {
  return Object.hasOwn(setupContract, channel);
}

interface SetupDeps {
  readonly dataDir: string;
  readonly clock: Clock;
  readonly log: (line: string) => void;
  readonly folderPicker: FolderPicker | null;
  /** Opens the folder just made with its passphrase, as the unlock screen would: the station's view after. */
  readonly open: (passphrase: string) => IpcResult<StationView>;
}

const fail = (code: 'invalid-input' | 'conflict' | 'unavailable', message: string) => ({ ok: false as const, error: { code, message } });

export function answerSetup(deps: SetupDeps, channel: SetupChannel, input: unknown): Promise<IpcResult<unknown>> | IpcResult<unknown> {
  if (!needsSetup(deps.dataDir)) return fail('conflict', ALREADY_SET_UP);
  switch (channel) {
    case 'setup:check': {
      const parsed = contract['setup:check'].input.safeParse(input);
      if (!parsed.success) return fail('invalid-input', '入力の形式が正しくありません');
      const r = checkSetup(parsed.data.draft, parsed.data.upTo, deps.dataDir);
      if (!r.ok) return fail('invalid-input', r.error.message);
      return {
        ok: true,
        value: { hqFingerprint: r.value.hqKey ? fingerprintOf(r.value.hqKey) : null, folderPicker: deps.folderPicker !== null },
      };
    }
    case 'setup:hq-key': {
      const parsed = contract['setup:hq-key'].input.safeParse(input);
      if (!parsed.success) return fail('invalid-input', '事務センターの公開鍵（hq.pub）を選んでください');
      const key = readHqPub(parsed.data.hqPublicKeyFile);
      if (!key.ok) return fail('invalid-input', key.error);
      return { ok: true, value: { fingerprint: fingerprintOf(key.value) } };
    }
    case 'setup:choose-folder':
      return chooseFolder(deps.folderPicker);
    case 'setup:complete': {
      const parsed = contract['setup:complete'].input.safeParse(input);
      if (!parsed.success) return fail('invalid-input', '入力の形式が正しくありません');
      const done = provisionStation(deps.dataDir, deps.clock, parsed.data);
      if (!done.ok) return fail(done.error.message === ALREADY_SET_UP ? 'conflict' : 'invalid-input', done.error.message);
      deps.log(`setup: station ${done.value.stationId} set up; registration file written`);
      return deps.open(parsed.data.passphrase);
    }
  }
}

async function chooseFolder(picker: FolderPicker | null): Promise<IpcResult<{ folder: string | null }>> {
  if (!picker) return fail('unavailable', 'この画面ではフォルダの場所を入力してください');
  return { ok: true, value: { folder: await picker.choose(null) } };
}
