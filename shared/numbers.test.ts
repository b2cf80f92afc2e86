import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count, num } from './numbers';

test('counts carry thousands separators and their counter word', () => {
  assert.equal(num(1234), '1,234');
  assert.equal(num(0), '0');
  assert.equal(count(1234), '1,234件');
  assert.equal(count(1234567, '枚'), '1,234,567枚');
  assert.equal(count(7), '7件');
});
