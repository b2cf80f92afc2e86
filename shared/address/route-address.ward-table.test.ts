// Every row of the ward's 別紙① table, written the ways residents write it, reaches its venue.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { ASSIGNMENTS } from '../venues/assignment-table';
import type { TownAssignment } from '../venues/assignment-table';
import { isVenueId } from '../venues/venues';
import { routeAddress } from './route-address';
import { BANCHI_STYLES, CHOME_STYLES } from '../../main/testing/address-fixtures';

/** The ward's 別紙① as JSON, kept verbatim in the repository so the comparison runs on every clone. */
const WARD_COPY = new URL('../venues/ward/venue-assignment.json', import.meta.url);
/** The ward's own file, where the specification sits beside the checkout. */
const WARD_JSON = new URL('../../../shared/domain/venue-assignment.json', import.meta.url);

function readWardRows(): TownAssignment[] {
  const parsed: unknown = JSON.parse(readFileSync(WARD_COPY, 'utf8'));
  const assignments = (parsed as { assignments?: unknown }).assignments;
  assert.ok(Array.isArray(assignments), 'venue-assignment.json has an assignments array');
  return assignments.map((raw: unknown) => {
    const row = raw as { town?: unknown; chome?: unknown; venue?: unknown };
    assert.equal(typeof row.town, 'string');
    assert.ok(row.chome === null || Number.isInteger(row.chome), `chome of ${String(row.town)}`);
    assert.ok(isVenueId(row.venue), `venue of ${String(row.town)}`);
    return { town: row.town as string, chome: row.chome as number | null, venue: row.venue };
  });
}

/** The ward lists some rows twice (南砂2丁目, 新砂1丁目); a repeat must agree with the first. */
function dedupe(rows: readonly TownAssignment[]): TownAssignment[] {
  const seen = new Map<string, TownAssignment>();
  for (const row of rows) {
    const key = `${row.town}/${row.chome}`;
    const first = seen.get(key);
    if (first) assert.equal(row.venue, first.venue, `${key} is listed twice with different venues`);
    else seen.set(key, row);
  }
  return [...seen.values()];
}

const WARD_ROWS: readonly TownAssignment[] = dedupe(readWardRows());

function byTownAndChome(a: TownAssignment, b: TownAssignment): number {
  return a.town === b.town ? (a.chome ?? 0) - (b.chome ?? 0) : a.town < b.town ? -1 : 1;
}

describe('the embedded table matches the ward’s', () => {
  test('ASSIGNMENTS equals venue-assignment.json (deduplicated)', () => {
    const embedded = ASSIGNMENTS.map(({ town, chome, venue }) => ({ town, chome, venue })).sort(byTownAndChome);
    const ward = WARD_ROWS.map(({ town, chome, venue }) => ({ town, chome, venue })).sort(byTownAndChome);
    assert.deepEqual(embedded, ward);
  });

  test('the copy is the ward’s file as it stands beside the checkout (when it is there)', (t) => {
    if (!existsSync(WARD_JSON)) return t.skip('the ward’s specification is not beside this checkout');
    assert.ok(
      readFileSync(WARD_COPY).equals(readFileSync(WARD_JSON)),
      'the ward changed 別紙①: copy it to shared/venues/ward/ and bring assignment-table.ts in line',
    );
  });

  test('the table has the 158 rows and 東砂 split of 別紙①', () => {
    assert.equal(WARD_ROWS.length, 158);
    const higashisuna = WARD_ROWS.filter((r) => r.town === '東砂').map((r) => `${r.chome}:${r.venue}`);
    assert.deepEqual(higashisuna, ['1:sogo', '2:sogo', '3:sogo', '4:sogo', '5:sogo', '6:honchosha', '7:honchosha', '8:honchosha']);
  });
});

describe('every 町丁目 routes to its venue', () => {
  for (const row of WARD_ROWS) {
    const name = row.chome === null ? row.town : `${row.town}${row.chome}丁目`;
    test(`${name} → ${row.venue}`, () => {
      const expected = { ok: true, venue: row.venue, town: row.town, chome: row.chome };
      const styles = row.chome === null ? BANCHI_STYLES : CHOME_STYLES;
      for (const style of styles) {
        const address = style.write(row.town, row.chome ?? 0);
        assert.deepEqual(routeAddress(address), expected, `${style.label}: ${address}`);
      }
    });
  }
});

describe('every town refuses what it does not have', () => {
  const towns = new Map<string, TownAssignment[]>();
  for (const row of WARD_ROWS) towns.set(row.town, [...(towns.get(row.town) ?? []), row]);

  for (const [town, rows] of towns) {
    const chomes = rows.flatMap((r) => (r.chome === null ? [] : [r.chome]));
    if (chomes.length === 0) {
      test(`${town} has no 丁目: ${town}1丁目 is refused, ${town} alone is accepted`, () => {
        const refused = routeAddress(`江東区${town}1丁目`);
        assert.equal(refused.ok, false);
        if (!refused.ok) {
          assert.equal(refused.code, 'no-such-chome');
          assert.match(refused.reason, new RegExp(town));
        }
        assert.deepEqual(routeAddress(`江東区${town}`), { ok: true, venue: rows[0]?.venue, town, chome: null });
      });
      continue;
    }
    const split = new Set(rows.map((r) => r.venue)).size > 1;
    const beyond = Math.max(...chomes) + 1;
    test(`${town}${beyond}丁目 does not exist; ${town} without 丁目 is ${split ? 'refused (split town)' : 'routed'}`, () => {
      for (const address of [`${town}${beyond}丁目`, `東京都江東区${town}${beyond}-1-1`, `${town}0丁目`]) {
        const result = routeAddress(address);
        assert.equal(result.ok, false, address);
        if (!result.ok) {
          assert.equal(result.code, 'no-such-chome', address);
          assert.match(result.reason, new RegExp(`${town}(${beyond}|0)丁目`), address);
        }
      }
      const missing = routeAddress(`東京都江東区${town}`);
      if (split) {
        assert.ok(!missing.ok && missing.code === 'chome-required', town);
        assert.match(missing.reason, new RegExp(`${town}は丁目により会場が異なります`));
      } else {
        assert.deepEqual(missing, { ok: true, venue: rows[0]!.venue, town, chome: null }, 'one venue for the whole town: routed');
      }
    });
  }
});
