// Pulls sync files from another station's outbox: over HTTPS from outbox-server.ts (mutual TLS, both sides
// pinned), or from a plain folder (a share mounted over the VPN). Either way the caller gets whole files whose
// names follow the sync file rule, each no larger than MAX_SYNC_FILE_BYTES; over HTTPS each is also checked
// against the SHA-256 the server listed. Files `alreadyHave` says are known are not fetched (HTTPS) or
// returned (folder). One problem fails the whole pull: the next pull simply starts again.
import { connect, type TLSSocket } from 'node:tls';
import { request } from 'node:http';
import { isIP } from 'node:net';
import { constants } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result';
import { isSyncFileName, SYNC_FILE_NAME } from './outbox-server';
import { certificateFingerprint, isFingerprint, normalizeFingerprint } from './tls-identity';
import { MAX_SYNC_FILE_BYTES } from './sync-file-format';

const MAX_LISTING_BYTES = 4 * 1024 * 1024;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

interface PulledFile {
  readonly name: string;
  readonly bytes: Buffer;
}

type PullProblemCode =
  | 'bad-source' // the configured URL, pin or folder is unusable
  | 'unreachable' // no TCP/TLS connection
  | 'timeout'
  | 'server-not-pinned' // the server's certificate is not the pinned one: nothing was sent
  | 'refused' // the server closed the connection after the handshake: our certificate is not pinned there
  | 'bad-response'
  | 'too-large'
  | 'checksum-mismatch';

export interface PullProblem {
  readonly code: PullProblemCode;
  readonly message: string;
}

export type AlreadyHave = (name: string, sha256: string) => boolean;

export interface PullFromHttpsOptions {
  /** `https://<host>:<port>` of the serving station. */
  readonly url: string;
  /** This station's (or HQ's) own certificate and key, presented to the server. */
  readonly identity: { readonly certPem: string; readonly keyPem: string };
  /** The serving station's certificate fingerprint, registered at provisioning. */
  readonly serverFingerprint: string;
  readonly alreadyHave?: AlreadyHave;
  /** Per request: no progress for this long fails the pull. Default 30 s. */
  readonly idleTimeoutMs?: number;
  /** Per request, however it is progressing. Default 10 min (256 MiB at well under 1 MB/s). */
  readonly deadlineMs?: number;
}

type PullResult = Result<{ files: PulledFile[] }, PullProblem>;

const problem = (code: PullProblemCode, message: string): PullProblem => ({ code, message });
const MESSAGES = {
  unreachable: '取得元の端末に接続できません。VPNの接続と、取得元のアドレス・ポートを確認してください',
  timeout: '取得元の端末が応答しません。しばらくしてからもう一度取得してください',
  serverNotPinned: '取得元の端末の証明書が登録されているものと一致しません。安全のため接続を中止しました。事務センターに連絡してください',
  refused: '取得元の端末に接続を拒否されました。この端末の証明書が取得元に登録されているか確認してください',
  badResponse: '取得元の端末から正しくない応答がありました',
  tooLarge: '同期ファイルが大きすぎるため取得できません',
  mismatch: '同期ファイルの内容が一覧と一致しません（転送中に壊れた可能性があります）。もう一度取得してください',
} as const;

const ListingSchema = z.object({
  files: z.array(
    z.object({
      name: z.string().regex(SYNC_FILE_NAME),
      bytes: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

export async function pullFromHttps(opts: PullFromHttpsOptions): Promise<PullResult> {
  const target = parseTarget(opts.url);
  if (!target)
    return err(problem('bad-source', `取得元のアドレスが正しくありません（https://ホスト:ポート の形で設定してください）: ${opts.url}`));
  if (!isFingerprint(opts.serverFingerprint))
    return err(problem('bad-source', '取得元の端末の証明書フィンガープリントが正しく設定されていません'));
  const conn: Connection = {
    ...target,
    identity: opts.identity,
    pin: normalizeFingerprint(opts.serverFingerprint),
    idleTimeoutMs: opts.idleTimeoutMs ?? 30_000,
    deadlineMs: opts.deadlineMs ?? 600_000,
  };

  const listed = await get(conn, '/outbox/', MAX_LISTING_BYTES);
  if (!listed.ok) return listed;
  let listing: z.infer<typeof ListingSchema>;
  try {
    const parsed = ListingSchema.safeParse(JSON.parse(listed.value.toString('utf8')));
    if (!parsed.success) return err(problem('bad-response', `${MESSAGES.badResponse}（ファイル一覧）`));
    listing = parsed.data;
  } catch {
    return err(problem('bad-response', `${MESSAGES.badResponse}（ファイル一覧）`));
  }
  if (new Set(listing.files.map((f) => f.name)).size !== listing.files.length)
    return err(problem('bad-response', `${MESSAGES.badResponse}（ファイル一覧）`));

  const files: PulledFile[] = [];
  for (const entry of listing.files) {
    if (opts.alreadyHave?.(entry.name, entry.sha256)) continue;
    if (entry.bytes > MAX_SYNC_FILE_BYTES) return err(problem('too-large', `${MESSAGES.tooLarge}: ${entry.name}`));
    // The name passed the sync file pattern, so it is a single safe path segment.
    const fetched = await get(conn, `/outbox/${entry.name}`, MAX_SYNC_FILE_BYTES);
    if (!fetched.ok) return fetched;
    const bytes = fetched.value;
    if (bytes.length !== entry.bytes || sha256(bytes) !== entry.sha256)
      return err(problem('checksum-mismatch', `${MESSAGES.mismatch}: ${entry.name}`));
    files.push({ name: entry.name, bytes });
  }
  return ok({ files });
}

/** The same pull from a folder: sync-named regular files directly in `dir` (no links, temp files or dotfiles). */
export async function pullFromFolder(dir: string, alreadyHave?: AlreadyHave): Promise<PullResult> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries
      .filter((e) => e.isFile() && isSyncFileName(e.name))
      .map((e) => e.name)
      .sort();
  } catch {
    return err(problem('unreachable', `同期フォルダを読み取れません。VPNの接続とフォルダの場所を確認してください: ${dir}`));
  }
  const files: PulledFile[] = [];
  for (const name of names) {
    const read = await readRegularFile(join(dir, name));
    if (read === 'gone') continue; // removed or replaced by a non-file since readdir: not ours to take
    if (read === 'too-large') return err(problem('too-large', `${MESSAGES.tooLarge}: ${name}`));
    if (read === 'unreadable') return err(problem('unreachable', `同期ファイルを読み取れません: ${join(dir, name)}`));
    if (alreadyHave?.(name, sha256(read))) continue;
    files.push({ name, bytes: read });
  }
  return ok({ files });
}

// ---- HTTPS ----

interface Connection {
  readonly host: string;
  readonly port: number;
  readonly identity: { readonly certPem: string; readonly keyPem: string };
  readonly pin: string;
  readonly idleTimeoutMs: number;
  readonly deadlineMs: number;
}

function parseTarget(url: string): { host: string; port: number } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.search || u.hash || (u.pathname !== '/' && u.pathname !== '')) return null;
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1'); // IPv6 literals come bracketed
  if (!host) return null;
  return { host, port: u.port ? Number(u.port) : 443 };
}

/**
 * One GET on its own connection. The TLS handshake is finished and the server's certificate checked against
 * the pin before the HTTP request is written, so an impostor never sees even the request line. (Node skips
 * `checkServerIdentity` when the chain itself does not verify, as a self-signed certificate never does, so
 * the pin is checked here rather than there.)
 */
function get(conn: Connection, path: string, maxBytes: number): Promise<Result<Buffer, PullProblem>> {
  return new Promise((resolve) => {
    let settled = false;
    let handshakeDone = false;
    const socket: TLSSocket = connect({
      host: conn.host,
      port: conn.port,
      // SNI must not carry an IP address; we do not need it either way.
      ...(isIP(conn.host) ? {} : { servername: conn.host }),
      cert: conn.identity.certPem,
      key: conn.identity.keyPem,
      minVersion: 'TLSv1.3',
      // No CA: accept the chain here and pin the certificate in 'secureConnect' instead.
      rejectUnauthorized: false,
    });
    const finish = (r: Result<Buffer, PullProblem>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket.destroy();
      resolve(r);
    };
    const deadline = setTimeout(() => finish(err(problem('timeout', MESSAGES.timeout))), conn.deadlineMs);
    socket.setTimeout(conn.idleTimeoutMs, () => finish(err(problem('timeout', MESSAGES.timeout))));
    // Until the handshake is done a failure means we never got through; after it, the request reports.
    const beforeHandshake = () => {
      if (!handshakeDone) finish(err(problem('unreachable', MESSAGES.unreachable)));
    };
    socket.on('error', beforeHandshake);
    socket.on('close', beforeHandshake);
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate().raw;
      if (!raw || raw.length === 0 || certificateFingerprint(raw) !== conn.pin) {
        finish(err(problem('server-not-pinned', MESSAGES.serverNotPinned)));
        return;
      }
      handshakeDone = true;
      sendRequest(socket, conn, path, maxBytes, finish);
    });
  });
}

function sendRequest(
  socket: TLSSocket,
  conn: Connection,
  path: string,
  maxBytes: number,
  finish: (r: Result<Buffer, PullProblem>) => void,
): void {
  const host = isIP(conn.host) === 6 ? `[${conn.host}]` : conn.host;
  // Plain http.request over the already-verified TLS socket: no agent, one request, then the socket is ours to close.
  const req = request({
    createConnection: () => socket,
    host: conn.host,
    port: conn.port,
    path,
    method: 'GET',
    headers: {
      Host: `${host}:${conn.port}`,
      Accept: path.endsWith('/') ? 'application/json' : 'application/octet-stream',
      Connection: 'close',
    },
  });
  req.on('error', () => finish(err(problem('refused', MESSAGES.refused))));
  req.on('response', (res) => {
    if (res.statusCode !== 200) {
      res.resume();
      finish(err(problem('bad-response', `${MESSAGES.badResponse}（${res.statusCode ?? '?'} ${path}）`)));
      return;
    }
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      finish(err(problem('too-large', `${MESSAGES.tooLarge}: ${path}`)));
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    res.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) finish(err(problem('too-large', `${MESSAGES.tooLarge}: ${path}`)));
      else chunks.push(chunk);
    });
    res.on('end', () =>
      finish(res.complete ? ok(Buffer.concat(chunks)) : err(problem('bad-response', `${MESSAGES.badResponse}（途中で切断されました）`))),
    );
    res.on('aborted', () => finish(err(problem('bad-response', `${MESSAGES.badResponse}（途中で切断されました）`))));
    res.on('error', () => finish(err(problem('bad-response', `${MESSAGES.badResponse}（途中で切断されました）`))));
  });
  req.end();
}

// ---- folder ----

/** Reads a regular file (not through a symbolic link), refusing anything over the size cap before reading it. */
async function readRegularFile(path: string): Promise<Buffer | 'gone' | 'too-large' | 'unreadable'> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ELOOP' ? 'gone' : 'unreadable';
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return 'gone';
    if (st.size > MAX_SYNC_FILE_BYTES) return 'too-large';
    const bytes = await handle.readFile();
    return bytes.length > MAX_SYNC_FILE_BYTES ? 'too-large' : bytes;
  } catch {
    return 'unreadable';
  } finally {
    await handle.close();
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
