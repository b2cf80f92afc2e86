// Byte framing of a shipment ledger file:
//   line 1  "MADOGUCHI-LEDGER 1"
//   line 2  "signature: <base64 Ed25519 signature>"
//   line 3  header JSON (ASCII; venue, shipment, created-at, row count, body hash — no personal data)
//   rest    the body sealed to the venue's X25519 key (sealed-box.ts)
// HQ signs "madoguchi/ledger/v1\n" ‖ everything after line 2, exactly as stored, so a reader verifies
// the bytes before parsing any of them and never re-serialises before checking.
import { createHash, sign, verify } from 'node:crypto';
import {
  LEDGER_COLUMNS,
  LEDGER_MAGIC,
  LedgerBody,
  LedgerHeader,
  parseLedgerRow,
  type DirectoryEntry,
  type LedgerCard,
} from '../../shared/ledger/ledger-format';
import { VENUES } from '../../shared/venues/venues';
import { err, ok, type Result } from '../../shared/result';
import { open, seal } from '../crypto/sealed-box';
import type { PrivateKeyHandle, PublicKeyHandle } from '../crypto/key-files';

const SIGNATURE_DOMAIN = Buffer.from('madoguchi/ledger/v1\n');
const SEAL_CONTEXT = 'shipment-ledger';
const MAX_LEDGER_FILE_BYTES = 512 * 1024 * 1024;
const SIG_PREFIX = 'signature: ';

type LedgerFileProblemCode =
  'too-large' | 'not-a-ledger' | 'truncated' | 'bad-signature' | 'bad-header' | 'wrong-venue' | 'wrong-key' | 'cannot-decrypt' | 'bad-body';
export interface LedgerFileProblem {
  readonly code: LedgerFileProblemCode;
  readonly message: string;
}

export interface OpenedLedger {
  readonly header: LedgerHeader;
  readonly fileSha256: string;
  readonly cards: LedgerCard[];
  readonly elsewhere: DirectoryEntry[];
}

export interface LedgerContent {
  readonly venueKey: PublicKeyHandle;
  readonly hqKey: PrivateKeyHandle;
  readonly shipmentId: string;
  readonly createdAt: string;
  readonly cards: readonly LedgerCard[];
  /** The shipment's cards for the other venues (number and venue only). */
  readonly elsewhere?: readonly DirectoryEntry[];
}

export function encodeLedgerFile(content: LedgerContent): Buffer {
  const venue = content.venueKey.venue;
  const body = Buffer.from(
    JSON.stringify({
      venue,
      shipmentId: content.shipmentId,
      columns: LEDGER_COLUMNS,
      rows: content.cards.map((c) => LEDGER_COLUMNS.map((k) => c[k])),
      elsewhere: (content.elsewhere ?? []).map((e) => [e.reservationNo, e.venue]),
    }),
  );
  try {
    return sealAndSign({ ...content, rowCount: content.cards.length, body });
  } finally {
    body.fill(0);
  }
}

/** Seals an already-serialised body and signs the file. Exported for tests that need a signed but malformed body. */
export function sealAndSign(content: Omit<LedgerContent, 'cards' | 'elsewhere'> & { rowCount: number; body: Uint8Array }): Buffer {
  const { venueKey, hqKey, shipmentId } = content;
  if (venueKey.role !== 'venue' || venueKey.venue === null) throw new Error('ledger recipient must be a venue key');
  if (hqKey.role !== 'hq') throw new Error('ledger signer must be the HQ key');
  const venue = venueKey.venue;
  const sealed = seal(content.body, venueKey.publicKey, SEAL_CONTEXT, sealAad(venue, shipmentId));
  const header: LedgerHeader = {
    format: 'madoguchi-shipment-ledger',
    version: 1,
    venue,
    shipmentId,
    createdAt: content.createdAt,
    rowCount: content.rowCount,
    hqKeyId: hqKey.keyId,
    venueKeyId: venueKey.keyId,
    bodyBytes: sealed.length,
    bodySha256: sha256(sealed),
  };
  const signed = Buffer.concat([Buffer.from(JSON.stringify(LedgerHeader.parse(header)) + '\n'), sealed]);
  const signature = sign(null, Buffer.concat([SIGNATURE_DOMAIN, signed]), hqKey.privateKey);
  return Buffer.concat([Buffer.from(`${LEDGER_MAGIC}\n${SIG_PREFIX}${signature.toString('base64')}\n`), signed]);
}

/**
 * Verifies, decrypts and validates a ledger file entirely in memory. Any failure returns a problem and
 * releases no rows: the caller either gets every card, checked, or none.
 */
export function openLedgerFile(
  bytes: Uint8Array,
  keys: { readonly venueKey: PrivateKeyHandle; readonly hqKey: PublicKeyHandle },
): Result<OpenedLedger, LedgerFileProblem> {
  const verified = verifyLedgerFile(bytes, keys.hqKey);
  if (!verified.ok) return verified;
  const { header, sealed, fileSha256 } = verified.value;
  const { venueKey } = keys;
  if (venueKey.venue !== header.venue) {
    return problem(
      'wrong-venue',
      `この台帳は${VENUES[header.venue].name}宛てです（この会場の鍵は${venueKey.venue ? VENUES[venueKey.venue].name : '会場用ではありません'}）`,
    );
  }
  if (venueKey.keyId !== header.venueKeyId) {
    return problem(
      'wrong-key',
      `この台帳は別の会場鍵（鍵ID ${header.venueKeyId}）宛てに暗号化されています。使用した鍵の鍵IDは ${venueKey.keyId} です`,
    );
  }
  const body = open(sealed, venueKey.privateKey, venueKey.publicKey, SEAL_CONTEXT, sealAad(header.venue, header.shipmentId));
  if (body === null) return problem('cannot-decrypt', '台帳を復号できません（鍵が違うか、ファイルが壊れています）');
  try {
    return parseBody(body, header, fileSha256);
  } finally {
    body.fill(0);
  }
}

/** Checks the HQ signature and framing; returns the header. Used alone by `ledger inspect` without a venue key. */
export function verifyLedgerFile(
  bytes: Uint8Array,
  hqKey: PublicKeyHandle,
): Result<{ header: LedgerHeader; sealed: Buffer; fileSha256: string }, LedgerFileProblem> {
  if (hqKey.role !== 'hq') return problem('wrong-key', '事務センターの公開鍵ではありません');
  if (bytes.length > MAX_LEDGER_FILE_BYTES)
    return problem('too-large', `台帳ファイルが大きすぎます（上限 ${MAX_LEDGER_FILE_BYTES} バイト）`);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = Buffer.from(`${LEDGER_MAGIC}\n${SIG_PREFIX}`);
  if (buf.length < magic.length) {
    return buf.equals(magic.subarray(0, buf.length)) && buf.length > 0
      ? problem('truncated', '台帳ファイルが途中で切れています')
      : problem('not-a-ledger', 'Madoguchi の送付台帳ファイルではありません');
  }
  if (!buf.subarray(0, magic.length).equals(magic)) return problem('not-a-ledger', 'Madoguchi の送付台帳ファイルではありません');
  const sigEnd = buf.indexOf(0x0a, magic.length);
  if (sigEnd < 0) return problem('truncated', '台帳ファイルが途中で切れています（署名行）');
  const signatureText = buf.subarray(magic.length, sigEnd).toString('latin1');
  const signature = Buffer.from(signatureText, 'base64');
  if (signature.length !== 64 || signature.toString('base64') !== signatureText) {
    return problem('bad-signature', '署名行が壊れています');
  }
  const signed = buf.subarray(sigEnd + 1);
  if (!verify(null, Buffer.concat([SIGNATURE_DOMAIN, signed]), hqKey.publicKey, signature)) {
    return diagnoseBadSignature(signed, hqKey);
  }
  // Signed by HQ from here on: parsing is safe, but a header HQ wrote wrongly is still refused.
  const headerEnd = signed.indexOf(0x0a);
  const header = headerEnd < 0 ? undefined : parseHeader(signed.subarray(0, headerEnd));
  if (!header) return problem('bad-header', '台帳ヘッダーが不正です');
  const sealed = signed.subarray(headerEnd + 1);
  if (sealed.length !== header.bodyBytes || sha256(sealed) !== header.bodySha256 || header.hqKeyId !== hqKey.keyId) {
    return problem('bad-header', '台帳ヘッダーと本体が一致しません');
  }
  return ok({ header, sealed, fileSha256: sha256(buf) });
}

/** After a failed signature only: say whether the file was cut short or signed by another key. Trusts nothing. */
function diagnoseBadSignature(signed: Buffer, hqKey: PublicKeyHandle): Result<never, LedgerFileProblem> {
  const headerEnd = signed.indexOf(0x0a);
  const header = headerEnd < 0 ? undefined : parseHeader(signed.subarray(0, headerEnd));
  if (header && signed.length - headerEnd - 1 < header.bodyBytes) {
    return problem('truncated', '台帳ファイルが途中で切れています（コピーが最後まで終わっていない可能性があります）');
  }
  if (header && header.hqKeyId !== hqKey.keyId) {
    return problem(
      'bad-signature',
      `事務センターの署名を確認できません: 台帳は鍵ID ${header.hqKeyId} で署名されていますが、指定の公開鍵は ${hqKey.keyId} です`,
    );
  }
  return problem('bad-signature', '事務センターの署名が一致しません（改ざんまたは破損）');
}

function parseHeader(line: Buffer): LedgerHeader | undefined {
  try {
    const parsed = LedgerHeader.safeParse(JSON.parse(line.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function parseBody(body: Buffer, header: LedgerHeader, fileSha256: string): Result<OpenedLedger, LedgerFileProblem> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return problem('bad-body', '台帳本体を読み取れません');
  }
  const parsed = LedgerBody.safeParse(json);
  if (!parsed.success) return problem('bad-body', '台帳本体の形式が不正です');
  const { rows } = parsed.data;
  if (parsed.data.venue !== header.venue || parsed.data.shipmentId !== header.shipmentId || rows.length !== header.rowCount) {
    return problem('bad-body', '台帳本体がヘッダー（会場・出荷ID・件数）と一致しません');
  }
  const cards: LedgerCard[] = new Array(rows.length);
  const seen = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const card = parseLedgerRow(rows[i]);
    if (card === null) return problem('bad-body', `台帳本体の${i + 1}行目が不正です`);
    if (seen.has(card.reservationNo)) return problem('bad-body', `台帳本体で予約管理番号 ${card.reservationNo} が重複しています`);
    seen.add(card.reservationNo);
    cards[i] = card;
  }
  const elsewhere: DirectoryEntry[] = [];
  for (const [reservationNo, venue] of parsed.data.elsewhere) {
    if (venue === header.venue || seen.has(reservationNo)) return problem('bad-body', `台帳本体の他会場一覧が不正です（${reservationNo}）`);
    elsewhere.push({ reservationNo, venue });
  }
  return ok({ header, fileSha256, cards, elsewhere });
}

function sealAad(venue: string, shipmentId: string): Buffer {
  return Buffer.from(`${venue}\n${shipmentId}`);
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function problem(code: LedgerFileProblemCode, message: string): Result<never, LedgerFileProblem> {
  return err({ code, message });
}
