// The one "is this inside that folder" test: the folder itself and below it are; a sibling sharing its name's
// start, its parent and a path through '..' are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWithin } from './within';

test('inside a folder: itself and below; not a sibling with the same prefix, nor the parent', () => {
  assert.equal(isWithin('/srv/data', '/srv/data'), true);
  assert.equal(isWithin('/srv/data/outbox/x.sync', '/srv/data'), true);
  assert.equal(isWithin('/srv/data/../report', '/srv/data'), false);
  assert.equal(isWithin('/srv/data-old', '/srv/data'), false);
  assert.equal(isWithin('/srv', '/srv/data'), false);
  assert.equal(isWithin('/srv/data/..data', '/srv/data'), true, 'a name starting with dots is still inside');
});
