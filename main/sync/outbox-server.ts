// Serves a station's outbox folder over HTTPS so HQ (and the venue lead's station) can pull the day's sync
// files across the ward's VPN. Deliberately tiny: read-only, two routes, no CA. Both ends pin each other's
// certificate fingerprint (made at provisioning by tls-identity.ts), so a peer is trusted exactly when its
// certificate's SHA-256 is on the list; nothing else about the certificate matters.
//
//   GET /outbox/          → {"files":[{"name","bytes","sha256"}]} sorted by name
//   GET /outbox/<name>    → the file, where <name> is a sync file name (SYNC_FILE_NAME) and a regular file
//   HEAD of either        → the same headers, no body
//   any other method      → 405 (nothing here writes)
//   anything else         → 404
//
// Paths are never decoded and never joined from untrusted text other than a name the strict pattern has
// already accepted (letters, digits, '-' and the '.sync' suffix: no '/', '\', '%', '..'), so there is nothing
// to normalise and no way out of the folder. Symbolic links are refused (lstat, then O_NOFOLLOW and a same-
// file check on the open descriptor) so a link cannot smuggle in a file from elsewhere.
import { constants, type Stats } from 'node:fs';
import { pipeline } from 'node:stream';
import { lstat, open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { certificateFingerprint, isFingerprint, normalizeFingerprint } from './tls-identity';

/** `<stationId>-<seq, 8 digits>.sync`, e.g. `honchosha-a1b2c3-00000012.sync`. Listing, fetching and pulling all use this one rule. */
export const SYNC_FILE_NAME = /^[a-z0-9][a-z0-9-]{2,63}-\d{8}\.sync$/;

export function isSyncFileName(name: string): boolean {
  return SYNC_FILE_NAME.test(name);
}

interface OutboxListing {
  readonly files: readonly { readonly name: string; readonly bytes: number; readonly sha256: string }[];
}

export interface OutboxServerOptions {
  readonly outboxDir: string;
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly identity: { readonly certPem: string; readonly keyPem: string };
  /** Fingerprints (SHA-256 of the DER certificate, hex, colons allowed) of the stations/HQ allowed to pull. */
  readonly allowedClientFingerprints: readonly string[];
  readonly log?: (line: string) => void;
}

export interface OutboxServer {
  readonly port: number;
  close(): Promise<void>;
}

const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0; // undefined on Windows; the lstat + same-file check still holds there

export async function startOutboxServer(opts: OutboxServerOptions): Promise<OutboxServer> {
  const log = opts.log ?? (() => {});
  const allowed = new Set(opts.allowedClientFingerprints.map(normalizeFingerprint));
  for (const f of allowed) if (!isFingerprint(f)) throw new Error(`not a SHA-256 certificate fingerprint: ${f}`);
  const dirStat = await stat(opts.outboxDir);
  if (!dirStat.isDirectory()) throw new Error(`outbox is not a directory: ${opts.outboxDir}`);

  const server = createServer(
    {
      cert: opts.identity.certPem,
      key: opts.identity.keyPem,
      minVersion: 'TLSv1.3',
      // Ask for a client certificate but let OpenSSL accept any: there is no CA to verify against. The pin
      // check below is the whole of client authentication.
      requestCert: true,
      rejectUnauthorized: false,
      handshakeTimeout: 10_000,
    },
    (req, res) => {
      // Checked again per request (not only per connection) so a request is never served without a pinned peer.
      if (!peerIsPinned(req.socket as TLSSocket, allowed)) {
        req.socket.destroy();
        return;
      }
      handle(opts.outboxDir, req, res).catch((e: unknown) => {
        log(`outbox: ${req.method} ${req.url}: ${e instanceof Error ? e.message : String(e)}`);
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
        else res.destroy();
      });
    },
  );
  // TLS 1.3 finishes the server's handshake only after the client's Certificate and Finished, so by now the
  // peer certificate is known. An unpinned peer is cut off before a single HTTP byte is read.
  server.on('secureConnection', (socket: TLSSocket) => {
    if (peerIsPinned(socket, allowed)) return;
    log(`outbox: refused ${socket.remoteAddress ?? '?'}: client certificate ${peerFingerprint(socket) ?? '(none)'} is not pinned`);
    socket.destroy();
  });
  server.on('tlsClientError', (e, socket) => {
    log(`outbox: TLS handshake failed from ${socket.remoteAddress ?? '?'}: ${e.message}`);
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (e) => log(`outbox: server error: ${e.message}`));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('outbox server has no TCP address');
  return { port: address.port, close: () => closeServer(server) };
}

function peerFingerprint(socket: TLSSocket): string | null {
  const raw = socket.getPeerCertificate?.()?.raw; // {} (no raw) when the client sent no certificate
  return raw && raw.length > 0 ? certificateFingerprint(raw) : null;
}

function peerIsPinned(socket: TLSSocket, allowed: ReadonlySet<string>): boolean {
  const fp = peerFingerprint(socket);
  return fp !== null && allowed.has(fp);
}

async function handle(dir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    return;
  }
  // The raw request target, compared as text: no decoding, no URL parsing, no query strings.
  const target = req.url ?? '';
  if (target === '/outbox/') {
    const listing: OutboxListing = { files: await listOutbox(dir) };
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify(listing));
    return;
  }
  const name = target.startsWith('/outbox/') ? target.slice('/outbox/'.length) : '';
  if (!isSyncFileName(name)) return notFound(res);

  const file = await openSyncFile(join(dir, name));
  if (!file) return notFound(res);
  res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'application/octet-stream', 'Content-Length': String(file.size) });
  if (req.method === 'HEAD' || file.size === 0) {
    await file.handle.close();
    res.end();
    return;
  }
  // Exactly the bytes promised in Content-Length. The stream owns the descriptor from here; pipeline closes
  // it on end, error or a client that goes away (nothing to report then: the puller retries).
  pipeline(file.handle.createReadStream({ start: 0, end: file.size - 1 }), res, () => {});
}

/** Regular files with a sync file name directly in the folder; temp files, dotfiles, folders and links are skipped. */
async function listOutbox(dir: string): Promise<OutboxListing['files'][number][]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isFile() && isSyncFileName(e.name))
    .map((e) => e.name)
    .sort();
  const files = [];
  for (const name of names) {
    const file = await openSyncFile(join(dir, name));
    if (!file) continue; // removed or replaced by something else since readdir
    try {
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of file.handle.createReadStream({ autoClose: false, start: 0 })) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      files.push({ name, bytes, sha256: hash.digest('hex') });
    } finally {
      await file.handle.close();
    }
  }
  return files;
}

/**
 * Opens `path` only if it is a regular file and not a symbolic link, and only if what was opened is the
 * file that was checked (a link swapped in between lstat and open is caught by O_NOFOLLOW or the ino check).
 */
async function openSyncFile(path: string): Promise<{ handle: FileHandle; size: number } | null> {
  let before: Stats;
  try {
    before = await lstat(path);
  } catch {
    return null;
  }
  if (!before.isFile()) return null;
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | O_NOFOLLOW);
  } catch {
    return null;
  }
  const after = await handle.stat().catch(() => null);
  if (!after || !after.isFile() || after.ino !== before.ino || after.dev !== before.dev) {
    await handle.close();
    return null;
  }
  return { handle, size: after.size };
}

const COMMON_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function notFound(res: ServerResponse): void {
  send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((e) => (e ? reject(e) : resolve()));
    server.closeAllConnections(); // idle keep-alive sockets would otherwise hold close() open
  });
}
