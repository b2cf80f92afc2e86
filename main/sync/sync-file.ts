// Byte framing of a station's daily sync file, mirroring the shipment ledger (ledger-file.ts):
//   line 1  "MADOGUCHI-SYNC 1"
//   line 2  "signature: <base64 Ed25519 signature by the station's signing key>"
//   line 3  header JSON (ASCII; venue, station, file seq, business day, chain link, key ids, body hash — no personal data)
//   rest    the body sealed to several recipients (layout in sync-crypto.ts)
// The station signs "madoguchi/sync/v1\n" ‖ everything after line 2, exactly as stored, so a reader checks the
// bytes before trusting any of them. Which key to check with comes from the caller's station registry, found
// through peekSyncHeader; the registered venue and station are then compared with what the signed header says,
// because a genuine signature only proves which station wrote the file, not that it wrote about itself.
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { VENUES } from '../../shared/venues/venues';
import { EventPayloads } from '../../shared/events/event';
import { err, ok, type Result } from '../../shared/result';
import { keyIdOf } from '../crypto/key-files';
import { sha256 } from '../ledger/ledger-file';
import { openForRecipient, recipientKeyIds, sealForRecipients, type SyncRecipientPrivateKey } from './sync-crypto';
import {
  MAX_SYNC_FILE_BYTES,
  PeekedHeader,
  SyncBodyShape,
  SyncHeader,
  type ExpectedOrigin,
  type OpenedSyncFile,
  type SyncBody,
  type SyncFileInput,
  type SyncFileProblem,
  type SyncFileProblemCode,
  type UnverifiedSyncHeader,
} from './sync-file-format';

const SYNC_MAGIC = 'MADOGUCHI-SYNC 1';
const SIGNATURE_DOMAIN = Buffer.from('madoguchi/sync/v1\n');
const SIG_PREFIX = 'signature: ';
export const fileSha256 = sha256;

/** Throws on a body or key the reader would refuse: a station must never publish a file HQ cannot take. */
export function encodeSyncFile(input: SyncFileInput): Buffer {
  const json = Buffer.from(JSON.stringify(input.body));
  try {
    const checked = checkBody(JSON.parse(json.toString('utf8')), input.stationId);
    if (!checked.ok) throw new Error(`sync body would be refused: ${checked.error.message}`);
    return sealAndSignSyncFile({ ...input, body: json });
  } finally {
    json.fill(0);
  }
}

/** Seals already-serialised body bytes and signs the file, unchecked. Exported for tests that need a signed but malformed body. */
export function sealAndSignSyncFile(input: Omit<SyncFileInput, 'body'> & { readonly body: Uint8Array }): Buffer {
  const { signingKey, recipients } = input;
  if (signingKey.privateKey.asymmetricKeyType !== 'ed25519' || keyIdOf(createPublicKey(signingKey.privateKey)) !== signingKey.keyId) {
    throw new Error('the signing key must be an Ed25519 key whose id is keyId');
  }
  for (const r of recipients) {
    if (r.publicKey.asymmetricKeyType !== 'x25519' || keyIdOf(r.publicKey) !== r.keyId)
      throw new Error('each recipient must be an X25519 key whose id is keyId');
  }
  const sealed = sealForRecipients(input.body, recipients, bodyAad(input));
  const header: SyncHeader = SyncHeader.parse({
    format: 'madoguchi-station-sync',
    version: 1,
    venue: input.venue,
    stationId: input.stationId,
    seq: input.seq,
    businessDate: input.businessDate,
    createdAt: input.createdAt,
    prevSha256: input.prevSha256,
    stationKeyId: signingKey.keyId,
    recipients: recipients.map((r) => ({ keyId: r.keyId })),
    bodyBytes: sealed.length,
    bodySha256: sha256(sealed),
  } satisfies SyncHeader);
  const signed = Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), sealed]);
  const signature = sign(null, Buffer.concat([SIGNATURE_DOMAIN, signed]), signingKey.privateKey);
  return Buffer.concat([Buffer.from(`${SYNC_MAGIC}\n${SIG_PREFIX}${signature.toString('base64')}\n`), signed]);
}

/**
 * UNTRUSTED: reads who the file claims to come from, without checking the signature, so the caller can look
 * the station's registered public key and venue up. Use the result for that lookup only, then verifySyncFile.
 */
export function peekSyncHeader(bytes: Uint8Array): Result<UnverifiedSyncHeader, SyncFileProblem> {
  const framed = frame(bytes);
  if (!framed.ok) return framed;
  const { signed } = framed.value;
  const headerEnd = signed.indexOf(0x0a);
  if (headerEnd < 0) return truncated();
  const parsed = PeekedHeader.safeParse(parseJson(signed.subarray(0, headerEnd)));
  if (!parsed.success) return problem('bad-header', '同期ファイルのヘッダーが不正です');
  const { venue, stationId, seq, stationKeyId } = parsed.data;
  return ok({ venue, stationId, seq, stationKeyId });
}

/**
 * Checks framing and the station's signature first, then the header, its body hash and recipient table, and that
 * the signed venue and station are the registered ones. Does not decrypt. Throws only if stationPublicKey is not
 * an Ed25519 key (a caller bug, not a bad file).
 */
export function verifySyncFile(
  bytes: Uint8Array,
  stationPublicKey: KeyObject,
  expected: ExpectedOrigin,
): Result<{ header: SyncHeader; sealed: Buffer; fileSha256: string }, SyncFileProblem> {
  if (stationPublicKey.asymmetricKeyType !== 'ed25519') throw new Error('a station public key is an Ed25519 key');
  const framed = frame(bytes);
  if (!framed.ok) return framed;
  const { buf, signature, signed } = framed.value;
  const stationKeyId = keyIdOf(stationPublicKey);
  if (!verify(null, Buffer.concat([SIGNATURE_DOMAIN, signed]), stationPublicKey, signature)) {
    return diagnoseBadSignature(signed, stationKeyId);
  }
  // Signed by the registered station key from here on, but a header the station wrote wrongly is still refused.
  const headerEnd = signed.indexOf(0x0a);
  const header = headerEnd < 0 ? undefined : parseHeader(signed.subarray(0, headerEnd));
  if (!header) return problem('bad-header', '同期ファイルのヘッダーが不正です');
  if (header.stationKeyId !== stationKeyId) {
    return problem('bad-header', `同期ファイルのヘッダーの署名鍵ID（${header.stationKeyId}）が署名した鍵（${stationKeyId}）と一致しません`);
  }
  const sealed = signed.subarray(headerEnd + 1);
  const table = recipientKeyIds(sealed);
  if (
    sealed.length !== header.bodyBytes ||
    sha256(sealed) !== header.bodySha256 ||
    table === null ||
    table.join() !== header.recipients.map((r) => r.keyId).join()
  ) {
    return problem('bad-header', '同期ファイルのヘッダーと本体が一致しません');
  }
  if (header.stationId !== expected.stationId) {
    return problem(
      'wrong-station',
      `この同期ファイルは端末 ${header.stationId} のものとして作られています（照合した端末は ${expected.stationId}）`,
    );
  }
  if (header.venue !== expected.venue) {
    return problem(
      'wrong-venue',
      `この同期ファイルは${VENUES[header.venue].name}の端末として作られていますが、端末 ${expected.stationId} の登録会場は${VENUES[expected.venue].name}です`,
    );
  }
  return ok({ header, sealed, fileSha256: sha256(buf) });
}

/**
 * Verifies, decrypts and validates a sync file entirely in memory: the caller gets every event, checked, or a
 * problem and nothing. `recipient` is the reader's X25519 key (HQ's inbox key or the venue's key).
 */
export function openSyncFile(
  bytes: Uint8Array,
  keys: { readonly stationPublicKey: KeyObject; readonly expected: ExpectedOrigin; readonly recipient: SyncRecipientPrivateKey },
): Result<OpenedSyncFile, SyncFileProblem> {
  const verified = verifySyncFile(bytes, keys.stationPublicKey, keys.expected);
  if (!verified.ok) return verified;
  const { header, sealed, fileSha256 } = verified.value;
  const plain = openForRecipient(sealed, keys.recipient, bodyAad(header));
  if (plain === 'not-a-recipient') {
    const to = header.recipients.map((r) => r.keyId).join('、');
    return problem('not-a-recipient', `この同期ファイルは鍵ID ${keys.recipient.keyId} 宛てに暗号化されていません（宛先の鍵ID: ${to}）`);
  }
  if (plain === 'cannot-decrypt') return problem('cannot-decrypt', '同期ファイルを復号できません（鍵が違うか、ファイルが壊れています）');
  try {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
    } catch {
      return problem('bad-body', '同期ファイルの本体を読み取れません');
    }
    const body = checkBody(json, header.stationId);
    return body.ok ? ok({ header, body: body.value, fileSha256 }) : body;
  } finally {
    plain.fill(0);
  }
}

function frame(bytes: Uint8Array): Result<{ buf: Buffer; signature: Buffer; signed: Buffer }, SyncFileProblem> {
  if (bytes.length > MAX_SYNC_FILE_BYTES) return problem('too-large', `同期ファイルが大きすぎます（上限 ${MAX_SYNC_FILE_BYTES} バイト）`);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = Buffer.from(`${SYNC_MAGIC}\n${SIG_PREFIX}`);
  if (buf.length < magic.length) {
    return buf.length > 0 && buf.equals(magic.subarray(0, buf.length)) ? truncated() : notASyncFile();
  }
  if (!buf.subarray(0, magic.length).equals(magic)) return notASyncFile();
  const sigEnd = buf.indexOf(0x0a, magic.length);
  if (sigEnd < 0) return truncated();
  const signatureText = buf.subarray(magic.length, sigEnd).toString('latin1');
  const signature = Buffer.from(signatureText, 'base64');
  // Only the canonical encoding is accepted, so no two byte strings carry the same signature.
  if (signature.length !== 64 || signature.toString('base64') !== signatureText)
    return problem('bad-signature', '同期ファイルの署名行が壊れています');
  return ok({ buf, signature, signed: buf.subarray(sigEnd + 1) });
}

/** After a failed signature only: say whether the file was cut short or signed by another key. Trusts nothing. */
function diagnoseBadSignature(signed: Buffer, stationKeyId: string): Result<never, SyncFileProblem> {
  const headerEnd = signed.indexOf(0x0a);
  // Every complete file has a line break after its header; without one, the copy stopped early.
  if (headerEnd < 0) return truncated();
  const header = parseHeader(signed.subarray(0, headerEnd));
  if (header && signed.length - headerEnd - 1 < header.bodyBytes) return truncated();
  if (header && header.stationKeyId !== stationKeyId) {
    return problem(
      'bad-signature',
      `端末の署名を確認できません: 同期ファイルは鍵ID ${header.stationKeyId} で署名されていますが、登録されている端末の公開鍵は ${stationKeyId} です`,
    );
  }
  return problem('bad-signature', '端末の署名が一致しません（改ざんまたは破損）');
}

const PART_NAMES: Record<string, string> = {
  events: '記録の一覧',
  claimed: '申告件数',
  knownThrough: '集計に含めた記録の範囲',
  accessHead: 'アクセス記録の末尾',
  stationLabel: '端末の呼び名',
};

function checkBody(json: unknown, stationId: string): Result<SyncBody, SyncFileProblem> {
  const parsed = SyncBodyShape.safeParse(json);
  if (!parsed.success) {
    const [first, index] = parsed.error.issues[0]?.path ?? [];
    const where = first === 'events' && typeof index === 'number' ? `${index + 1}件目の記録` : (PART_NAMES[String(first)] ?? '全体');
    return problem('bad-body', `同期ファイル本体の形式が不正です（${where}）`);
  }
  const { events } = parsed.data;
  const ids = new Set<string>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const at = `同期ファイル本体の${i + 1}件目の記録`;
    if (e.stationId !== stationId) return problem('bad-body', `${at}は別の端末（${e.stationId}）のものです`);
    if (i > 0 && e.seq <= events[i - 1]!.seq) return problem('bad-body', `${at}の連番（${e.seq}）が前の記録より後になっていません`);
    if (ids.has(e.id)) return problem('bad-body', `${at}のIDが重複しています`);
    ids.add(e.id);
    if (!EventPayloads[e.kind].safeParse(e.payload).success) return problem('bad-body', `${at}（${e.kind}）の内容が不正です`);
  }
  // Each payload now matches the schema of its own kind, which is what StoredEvent promises.
  return ok(parsed.data as unknown as SyncBody);
}

function parseHeader(line: Buffer): SyncHeader | undefined {
  const parsed = SyncHeader.safeParse(parseJson(line));
  return parsed.success ? parsed.data : undefined;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

// Binds the wrapped keys and the body to the file's identity: ciphertext lifted from one file does not open under
// another file's header, even one the same station signed.
function bodyAad(h: { venue: string; stationId: string; seq: number; businessDate: string }): Buffer {
  return Buffer.from(`madoguchi/sync/v1 ${h.venue} ${h.stationId} ${h.seq} ${h.businessDate}`);
}

function truncated(): Result<never, SyncFileProblem> {
  return problem('truncated', '同期ファイルが途中で切れています（コピーが最後まで終わっていない可能性があります）');
}

function notASyncFile(): Result<never, SyncFileProblem> {
  return problem('not-a-sync-file', 'Madoguchi の端末同期ファイルではありません');
}

function problem(code: SyncFileProblemCode, message: string): Result<never, SyncFileProblem> {
  return err({ code, message });
}
