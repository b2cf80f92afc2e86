// The station's label copied beside the keyring (issue 12): two counter PCs of one venue are told apart on the
// unlock screen (本庁舎 窓口2), before the passphrase opens the database the label lives in. The copy is display
// only: written when the folder is made and when the label is set, mended by the next unlock when it differs,
// and read as no label (the venue alone) when it is missing or not usable, never as an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createVenueDataFolder, openVenueDataFolder } from './data-folder';
import { STATION_LABEL_FILE } from './folder-files';
import { readStationLabel } from './station-label-file';
import { writeSetting } from './settings';
import { createStation } from '../app/station';
import { fixedClock } from '../clock';
import { cli } from '../testing/cli-harness';
import { tempDir } from '../testing/fixtures';

const PASS = 'venue passphrase 12';
const ID = 'honchosha-st02';
const clock = fixedClock('2026-11-25T01:00:00Z');

function labelledFolder(t: { after(fn: () => void): void }, label: string): string {
  const dir = join(tempDir(t), 'honchosha');
  const store = createVenueDataFolder(dir, 'honchosha', PASS, ID);
  assert.ok(writeSetting(store.db, 'station-label', label).ok);
  store.close();
  return dir;
}

const fileOf = (dir: string) => join(dir, STATION_LABEL_FILE);

/** What the station shows before unlock: its label and the venue. */
async function lockedView(dir: string): Promise<{ stationLabel: string | null; venue: { name: string } | null }> {
  const station = createStation(dir, clock, () => {});
  try {
    const r = await station.invoke('station:status', {}, 'w');
    assert.ok(r.ok, 'status always answers');
    return r.value as { stationLabel: string | null; venue: { name: string } | null };
  } finally {
    await station.close();
  }
}

test('a new folder has the copy at once (no label yet); setting the label writes it; it holds the label alone', (t) => {
  const dir = join(tempDir(t), 'honchosha');
  const store = createVenueDataFolder(dir, 'honchosha', PASS, ID);
  assert.ok(existsSync(fileOf(dir)), 'made with the folder');
  assert.equal(readStationLabel(dir, ID), null);
  assert.ok(writeSetting(store.db, 'station-label', '窓口2').ok);
  store.close();
  assert.equal(readStationLabel(dir, ID), '窓口2');
  assert.deepEqual(JSON.parse(readFileSync(fileOf(dir), 'utf8')), {
    format: 'madoguchi-station-label',
    version: 1,
    stationId: ID,
    label: '窓口2',
  });
  // Written through a temp file renamed into place: none is left behind.
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.endsWith('.tmp')),
    [],
  );
});

test('`madoguchi settings station-label` writes the copy, and the locked station shows it', async (t) => {
  const dir = labelledFolder(t, '窓口1');
  const r = await cli(['settings', 'station-label', '窓口2', '--data', dir], { env: { MADOGUCHI_PASSPHRASE: PASS } });
  assert.equal(r.code, 0, r.err);
  assert.equal(readStationLabel(dir, ID), '窓口2');
  const view = await lockedView(dir);
  assert.equal(view.stationLabel, '窓口2');
  assert.equal(view.venue?.name, '本庁舎');
});

test('a missing or unusable copy is read as no label: the venue alone, never an error', async (t) => {
  const dir = labelledFolder(t, '窓口2');
  const good = readFileSync(fileOf(dir), 'utf8');
  assert.equal((await lockedView(dir)).stationLabel, '窓口2', 'the good copy is read');
  const withLabel = (label: unknown) => good.replace('"窓口2"', JSON.stringify(label));
  const unusable: Record<string, string | null> = {
    missing: null,
    'not JSON': '{"format": "madoguchi-station-la',
    empty: '',
    'another kind of file': JSON.stringify({ format: 'madoguchi-head', version: 1, stationId: ID, label: '窓口2' }),
    'a newer version': good.replace('"version": 1', '"version": 2'),
    'an extra field': good.replace('"label"', '"resident": "江東　太郎",\n  "label"'),
    "another station's": good.replace(ID, 'honchosha-st01'),
    'too long': withLabel('窓'.repeat(21)),
    'a line break': withLabel('窓口\n2'),
    'a control character': withLabel('窓口\u001b[2J'),
    'a bidirectional override': withLabel('\u202e2口窓'),
    blank: withLabel('  '),
    'not text': withLabel(2),
    huge: good.replace('"label"', `"x": "${'a'.repeat(5000)}",\n  "label"`),
  };
  for (const [what, text] of Object.entries(unusable)) {
    if (text === null) rmSync(fileOf(dir));
    else writeFileSync(fileOf(dir), text);
    assert.equal(readStationLabel(dir, ID), null, what);
    const view = await lockedView(dir);
    assert.equal(view.stationLabel, null, what);
    assert.equal(view.venue?.name, '本庁舎', `${what}: the venue is still named`);
  }
});

test("an unlock mends a copy that differs from the database's label, and the open station answers with the database's", async (t) => {
  const dir = labelledFolder(t, '窓口2');
  // Edited by hand (or left by an older copy of the folder): shown while locked, for display only.
  writeFileSync(fileOf(dir), readFileSync(fileOf(dir), 'utf8').replace('窓口2', '窓口9'));
  assert.equal((await lockedView(dir)).stationLabel, '窓口9');
  const station = createStation(dir, clock, () => {});
  t.after(() => station.close());
  const r = await station.invoke('station:unlock', { passphrase: PASS }, 'w');
  assert.ok(r.ok);
  assert.equal((r.value as { stationLabel: string | null }).stationLabel, '窓口2', "once open, the database's label");
  assert.equal(readStationLabel(dir, ID), '窓口2', 'mended on unlock');

  // Deleted: the next open writes it again.
  await station.close();
  rmSync(fileOf(dir));
  const opened = openVenueDataFolder(dir, PASS);
  assert.ok(opened.ok);
  assert.equal(readStationLabel(dir, ID), '窓口2');
  // Set while the folder is open: its close writes it.
  assert.ok(writeSetting(opened.value.db, 'station-label', '窓口3').ok);
  opened.value.close();
  assert.equal(readStationLabel(dir, ID), '窓口3');
});

test('a label the copy cannot hold is left out of it; a copy that cannot be written does not stop the folder opening', (t) => {
  const dir = labelledFolder(t, '窓口\t2');
  assert.equal(readStationLabel(dir, ID), null, 'the setting allowed a tab inside; the screen names the venue alone');

  // Something else in the file's place (here a folder): the copy is not written, and opening goes on.
  rmSync(fileOf(dir));
  mkdirSync(fileOf(dir));
  const opened = openVenueDataFolder(dir, PASS);
  assert.ok(opened.ok, 'opens regardless');
  assert.ok(writeSetting(opened.value.db, 'station-label', '窓口4').ok);
  opened.value.close();
  assert.equal(readStationLabel(dir, ID), null);
});
