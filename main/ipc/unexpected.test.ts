import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeUnexpected } from './unexpected';

test('an unexpected error is logged by its kind and where it was thrown, never by its message', () => {
  const text = describeUnexpected(new TypeError('山田　太郎 1980-01-01 T00-000001'));
  assert.match(text, /^TypeError\n\s+at /);
  assert.doesNotMatch(text, /山田|1980|T00-000001/);
  assert.equal(describeUnexpected('山田'), '(string)');
});
