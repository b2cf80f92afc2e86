import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkIdentity, documentsSuffice, OTHER_ID_DOCUMENTS, PHOTO_ID_DOCUMENTS, type IdCheck } from './id-documents';

const photo = PHOTO_ID_DOCUMENTS.map((d) => d.id as string);
const other = OTHER_ID_DOCUMENTS.map((d) => d.id as string);
const anyDocs = fc.uniqueArray(fc.constantFrom(...photo, ...other), { maxLength: 5 });

// The reference model, written from the rule's words rather than from the implementation.
const model = (docs: string[]) =>
  (docs.length === 1 && photo.includes(docs[0]!)) || (docs.length === 2 && docs.every((d) => other.includes(d)));

const self = (documents: string[]): IdCheck => ({ path: 'self', documents, proxy: null, surrendered: [], pin: 'pins-set' });

describe('本人確認: one photo ID, or two others', () => {
  test('property: a set of documents suffices exactly when it is {one photo ID} or {two others}', () => {
    fc.assert(
      fc.property(anyDocs, (docs) => documentsSuffice(docs) === model(docs)),
      { numRuns: 2000 },
    );
  });

  test('examples a clerk meets', () => {
    assert.equal(checkIdentity(self(['drivers-license'])).ok, true);
    assert.equal(checkIdentity(self(['health-insurance', 'pension-book'])).ok, true);
    assert.equal(checkIdentity(self(['health-insurance'])).ok, false);
    assert.equal(checkIdentity(self(['drivers-license', 'health-insurance'])).ok, false, 'mixed sets are not a rule');
    assert.equal(checkIdentity(self(['health-insurance', 'health-insurance'])).ok, false, 'the same document twice is one document');
    assert.equal(checkIdentity(self([])).ok, false);
  });

  test('property: a proxy is accepted exactly when both parties satisfy the rule and the letter fits the reason', () => {
    const reasons = ['illness', 'disability', 'facility', 'care', 'abroad', 'minor', 'guardian', 'other'] as const;
    const letters = ['inquiry-form', 'power-of-attorney', 'guardian-proof'] as const;
    fc.assert(
      fc.property(anyDocs, anyDocs, fc.constantFrom(...reasons), fc.constantFrom(...letters), (docs, proxyDocs, reason, letter) => {
        const check: IdCheck = {
          path: 'proxy',
          documents: docs,
          proxy: { reason, letter, documents: proxyDocs },
          surrendered: [],
          pin: 'pins-set',
        };
        const letterFits = reason === 'guardian' ? letter === 'guardian-proof' : letter !== 'guardian-proof';
        return checkIdentity(check).ok === (model(docs) && model(proxyDocs) && letterFits);
      }),
      { numRuns: 2000 },
    );
  });

  test('a proxy path without proxy details, or a self path with them, is refused with a reason', () => {
    const noProxy = checkIdentity({ path: 'proxy', documents: ['passport'], proxy: null, surrendered: [], pin: 'pins-set' });
    assert.ok(!noProxy.ok);
    assert.match(noProxy.reason, /代理人/);
    const selfWithProxy = checkIdentity({
      ...self(['passport']),
      proxy: { reason: 'illness', letter: 'inquiry-form', documents: ['passport'] },
    });
    assert.equal(selfWithProxy.ok, false);
  });
});
