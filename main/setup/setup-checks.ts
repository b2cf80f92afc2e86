// The first-run setup's draft, step by step, with the rules the command line applies to the same things (the
// folder's passphrase as `trust-hq --venue` asks it, hq.pub as `--hq-pub` reads it, the venue key and
// hq-sync.json as `sync setup` does, the first lead as `staff add`): each refusal names what to fix, in Japanese.
// Nothing here writes anything.
import { cannotMakeFolder } from './needs-setup';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { SETUP_STEPS, type SetupDraft, type SetupStep } from '../../shared/ipc/contract/setup';
import { StaffDisplayName } from '../../shared/ipc/contract/staff';
import { VENUES, type VenueId } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import { passphraseProblem } from '../crypto/passphrase-seal';
import { describeKey, privateKeyIdentityOfRole, publicKeyOfRole } from '../crypto/key-of-role';
import { decodePrivateKeyFile, type PrivateKeyHandle, type PublicKeyHandle } from '../crypto/key-files';
import { parseHqSyncFile } from '../sync/hq-sync-file';
import { pinProblem, staffIdProblem } from '../auth/staff';
import { SETTINGS } from '../store/settings';
import { writable } from '../backup/backup-destination';
import { isWithin } from '../files/within';

export interface SetupRefusal {
  /** The step to go back to. */
  readonly step: SetupStep;
  readonly message: string;
}

/** The draft as main will use it, every step up to the one asked checked (later ones not yet: null). */
export interface CheckedSetup {
  readonly venue: VenueId;
  readonly stationLabel: string;
  readonly passphrase: string;
  readonly hqKey: PublicKeyHandle | null;
  /** null also when the sync is set up later (後で). */
  readonly sync: { readonly hqSyncText: string; readonly venueKey: PrivateKeyHandle } | null;
  readonly lead: { readonly staffId: string; readonly displayName: string; readonly pin: string } | null;
  readonly registrationFolder: string | null;
}

const HQ_PUB = '事務センターの公開鍵（hq.pub）';
const HQ_SYNC = '事務センターの同期設定ファイル（hq-sync.json）';
const VENUE_KEY = '会場の秘密鍵';

/** HQ's key from hq.pub's text, or why not. */
export function readHqPub(text: string): Result<PublicKeyHandle, string> {
  if (text.trim() === '') return err(`${HQ_PUB}を選んでください`);
  const r = publicKeyOfRole(text, 'hq');
  return r.ok ? r : err(`${HQ_PUB}: ${r.error.message}`);
}

/** Checks every step up to and including `upTo`, in order; the first one wrong is refused. */
export function checkSetup(draft: SetupDraft, upTo: SetupStep, dataDir: string): Result<CheckedSetup, SetupRefusal> {
  const through = SETUP_STEPS.indexOf(upTo);
  const reached = (step: SetupStep) => SETUP_STEPS.indexOf(step) <= through;
  const refuse = (step: SetupStep, message: string) => err({ step, message });

  const noPlace = cannotMakeFolder(dataDir);
  if (noPlace !== null) return refuse('station', noPlace);
  if (draft.venue === null) return refuse('station', '会場を選んでください');
  const venue = draft.venue;
  const label = SETTINGS['station-label'].schema.safeParse(draft.stationLabel);
  if (!label.success) return refuse('station', `端末の呼び名は${SETTINGS['station-label'].allowed}で入力してください（例: 窓口1）`);
  const checked: CheckedSetup = {
    venue,
    stationLabel: label.data,
    passphrase: '',
    hqKey: null,
    sync: null,
    lead: null,
    registrationFolder: null,
  };
  if (!reached('passphrase')) return ok(checked);

  if (draft.passphrase === '') return refuse('passphrase', 'データフォルダのパスフレーズを入力してください');
  // As the command line asks a new folder's: the same twice first, then long enough.
  if (draft.passphraseAgain !== draft.passphrase)
    return refuse('passphrase', 'パスフレーズが一致しません（確認のため、同じものを2回入力してください）');
  const weak = passphraseProblem(draft.passphrase);
  if (weak) return refuse('passphrase', weak);
  if (!reached('hq-key')) return ok({ ...checked, passphrase: draft.passphrase });

  const hqKey = readHqPub(draft.hqPublicKeyFile);
  if (!hqKey.ok) return refuse('hq-key', hqKey.error);
  if (!draft.hqFingerprintConfirmed)
    return refuse('hq-key', '指紋を事務センターに電話で読み上げて同じか確かめ、「確かめました」にチェックを入れてください');
  const upToKey = { ...checked, passphrase: draft.passphrase, hqKey: hqKey.value };
  if (!reached('sync')) return ok(upToKey);

  const sync = draft.sync === null ? ok(null) : checkSync(draft.sync, venue, hqKey.value);
  if (!sync.ok) return refuse('sync', sync.error);
  const upToSync = { ...upToKey, sync: sync.value };
  if (!reached('lead')) return ok(upToSync);

  const lead = checkLead(draft.lead);
  if (!lead.ok) return refuse('lead', lead.error);
  const upToLead = { ...upToSync, lead: lead.value };
  if (!reached('registration')) return ok(upToLead);

  const folder = checkRegistrationFolder(draft.registrationFolder, dataDir);
  if (!folder.ok) return refuse('registration', folder.error);
  return ok({ ...upToLead, registrationFolder: folder.value });
}

/** As `sync setup --hq --venue-key` reads them: the venue's own key, opened; hq-sync.json signed by HQ's key. */
function checkSync(sync: NonNullable<SetupDraft['sync']>, venue: VenueId, hqKey: PublicKeyHandle): Result<CheckedSetup['sync'], string> {
  if (sync.hqSyncFile.trim() === '') return err(`${HQ_SYNC}を選んでください（同期をあとで設定するなら「後で」を押します）`);
  if (sync.venueKeyFile.trim() === '') return err(`${VENUE_KEY}（${VENUES[venue].name}の .key）を選んでください`);
  const identity = privateKeyIdentityOfRole(sync.venueKeyFile, 'venue');
  if (!identity.ok) return err(`${VENUE_KEY}: ${identity.error.message}`);
  if (identity.value.venue !== venue)
    return err(`${VENUE_KEY}が${VENUES[venue].name}のものではありません（${describeKey(identity.value)}）`);
  if (sync.venueKeyPassphrase === '') return err('会場の秘密鍵のパスフレーズを入力してください');
  const key = decodePrivateKeyFile(sync.venueKeyFile, sync.venueKeyPassphrase);
  if (!key.ok) return err(`${VENUE_KEY}: ${key.error.message}`);
  const hq = parseHqSyncFile(sync.hqSyncFile, hqKey);
  if (!hq.ok) return err(`${HQ_SYNC}: ${hq.error.message}`);
  return ok({ hqSyncText: sync.hqSyncFile, venueKey: key.value });
}

/** As `staff add --role lead` takes the first lead: an id, a name, a PIN (here typed twice). */
function checkLead(lead: SetupDraft['lead']): Result<NonNullable<CheckedSetup['lead']>, string> {
  const idProblem = staffIdProblem(lead.staffId);
  if (idProblem) return err(lead.staffId === '' ? '会場責任者の職員IDを入力してください' : idProblem);
  const name = StaffDisplayName.safeParse(lead.displayName);
  if (!name.success) return err(name.error.issues[0]?.message ?? '氏名を入力してください');
  const pin = pinProblem(lead.pin);
  if (pin) return err(pin);
  if (lead.pinAgain !== lead.pin) return err('PINが一致しません（確認のため、同じものを2回入力してください）');
  return ok({ staffId: lead.staffId, displayName: name.data, pin: lead.pin });
}

/** Where the registration file goes: a folder that is there and takes a file, not inside the data folder. */
function checkRegistrationFolder(typed: string, dataDir: string): Result<string, string> {
  if (typed.trim() === '') return err('登録ファイルを書き出すフォルダを選ぶか、場所を入力してください');
  if (!isAbsolute(typed))
    return err(
      `「${typed}」はフォルダの場所の途中からの書き方です。E:\\（Windows）や /media/usb のように、ドライブやルートから始まる場所を入力してください`,
    );
  const folder = resolve(typed);
  if (!existsSync(folder))
    return err(`フォルダ「${folder}」が見つかりません。USBメモリが差してあるか、場所の書き間違いがないかを確かめてください`);
  if (!statSync(folder).isDirectory()) return err(`「${folder}」はファイルです。登録ファイルを書き出すフォルダを指定してください`);
  if (isWithin(folder, dataDir))
    return err(`フォルダ「${folder}」はこの端末のデータフォルダの中です。事務センターに渡すUSBメモリなどを選んでください`);
  if (!writable(folder)) return err(`フォルダ「${folder}」に書き込めません（書き込み禁止のUSBメモリか、書き込む権限のないフォルダです）`);
  return ok(folder);
}
