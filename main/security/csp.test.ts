// The page's own <meta> CSP is the one main sends as a header, less frame-ancestors (which a <meta> policy
// cannot carry; browsers ignore it there): so a page opened without the header is held to the same policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY } from './csp';

const directives = (policy: string): string[] =>
  policy
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean);

test('renderer/index.html carries the header policy in its <meta>, less frame-ancestors', () => {
  const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
  assert.ok(meta, 'index.html has a CSP <meta>');
  assert.deepEqual(
    directives(meta),
    directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors ')),
  );
});

test('the policy runs no script but our own files and loads nothing from elsewhere', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);
  assert.ok(policy.includes("default-src 'none'"));
  assert.ok(policy.includes("script-src 'self'"));
  assert.ok(policy.includes("frame-ancestors 'none'"));
  for (const d of policy) assert.doesNotMatch(d, /unsafe-|https?:|\*/, d);
});
