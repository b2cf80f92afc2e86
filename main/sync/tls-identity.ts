// A station's (or HQ's) TLS identity for pulling sync files over the ward's VPN, made once at provisioning:
// a self-signed ECDSA P-256 certificate, its private key, and the certificate's fingerprint. Nobody checks
// the certificate against a CA: each side pins the other's fingerprint, so the certificate is only a
// carrier for the public key. P-256 because every TLS stack we meet (Node's OpenSSL, Electron's BoringSSL)
// accepts it for TLS 1.3 on both ends; Ed25519 certificates are not enabled everywhere.
//
// node:crypto signs but cannot build a certificate, so the few DER structures of RFC 5280 that a
// self-signed certificate needs are written out below instead of adding a dependency. The tests parse the
// result with X509Certificate and check its self-signature.
import { X509Certificate, createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export interface TlsIdentity {
  readonly certPem: string;
  /** PKCS#8, unencrypted: store it inside the station's encrypted data folder. */
  readonly keyPem: string;
  /** SHA-256 of the certificate's DER, lowercase hex without separators. */
  readonly fingerprint: string;
}

const VALIDITY_YEARS = 10;

export function generateTlsIdentity(commonName: string, now: Date = new Date()): TlsIdentity {
  if (commonName.length < 1 || commonName.length > 64) throw new RangeError('commonName must be 1–64 characters (RFC 5280 ub-common-name)');
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive, and no leading zero byte, so the INTEGER is minimal DER
  // A day of slack before now: a peer whose clock runs behind must not see a certificate "from the future".
  const notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);

  const name = seq(set(seq(oid('2.5.4.3'), utf8String(commonName)))); // CN=<commonName>
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const tbs = seq(
    tagged(0xa0, integer(Buffer.from([2]))), // [0] EXPLICIT version: v3
    integer(serial),
    ecdsaWithSha256,
    name, // issuer = subject: self-signed
    seq(time(notBefore), time(notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' });
  const der = seq(tbs, ecdsaWithSha256, bitString(signature));

  return {
    certPem: toPem('CERTIFICATE', der),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    fingerprint: sha256Hex(der),
  };
}

/** The pin of a certificate given as PEM or raw DER (e.g. `getPeerCertificate().raw`). */
export function certificateFingerprint(cert: string | Uint8Array): string {
  return sha256Hex(typeof cert === 'string' ? new X509Certificate(cert).raw : cert);
}

/** Accepts `ab12…` or OpenSSL's `AB:12:…` so a pin copied from either tool compares equal. */
export function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/:/g, '').trim().toLowerCase();
}

export function isFingerprint(fingerprint: string): boolean {
  return /^[0-9a-f]{64}$/.test(normalizeFingerprint(fingerprint));
}

function sha256Hex(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

// ---- minimal DER (X.690) ----

function tagged(tag: number, body: Buffer): Buffer {
  const n = body.length;
  const len: number[] = [];
  if (n < 0x80) len.push(n);
  else {
    for (let v = n; v > 0; v = Math.floor(v / 256)) len.unshift(v & 0xff);
    len.unshift(0x80 | len.length);
  }
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}

function seq(...parts: Buffer[]): Buffer {
  return tagged(0x30, Buffer.concat(parts));
}

function set(...parts: Buffer[]): Buffer {
  return tagged(0x31, Buffer.concat(parts));
}

/** Callers pass positive, minimal big-endian bytes. */
function integer(bytes: Buffer): Buffer {
  return tagged(0x02, bytes);
}

function bitString(bytes: Buffer): Buffer {
  return tagged(0x03, Buffer.concat([Buffer.from([0]), bytes])); // 0 unused bits
}

function utf8String(s: string): Buffer {
  return tagged(0x0c, Buffer.from(s, 'utf8'));
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [a! * 40 + b!];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let v = arc >>> 7; v > 0; v >>>= 7) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tagged(0x06, Buffer.from(out));
}

/** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050; always UTC, whole seconds. */
function time(d: Date): Buffer {
  const iso = d.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '') + 'Z';
  const year = d.getUTCFullYear();
  return year < 2050 ? tagged(0x17, Buffer.from(digits.slice(2), 'ascii')) : tagged(0x18, Buffer.from(digits, 'ascii'));
}
