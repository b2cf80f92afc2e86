// docs/scanner-setup.md is what venue leads and the ward's IT follow: the commands and options it names exist,
// and the udev rule it tells them to install is one udev reads, for the scanner vendors the app knows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cli } from '../testing/cli-harness';
import { hidPosVendorFor } from './hid-device';
import { SETTINGS } from '../store/settings';

const guide = readFileSync(new URL('../../docs/scanner-setup.md', import.meta.url), 'utf8');
const RULES_FILE = 'build/linux/70-madoguchi-scanner.rules';
const rules = readFileSync(new URL(`../../${RULES_FILE}`, import.meta.url), 'utf8');

const help = (words: readonly string[]) => cli([...words, '--help'], { env: {} });

/** Each `madoguchi …` the guide writes: its words (command, subcommand or argument) and the options after them. */
function mentions(text: string): { words: string[]; options: string[]; as: string }[] {
  return [...text.matchAll(/madoguchi((?: [^\s`|]+)+)/g)].map((m) => {
    const tokens = m[1]!.trim().split(' ');
    const words: string[] = [];
    for (const t of tokens)
      if (/^[a-z][a-z-]*$/.test(t) && words.length < 2) words.push(t);
      else break;
    return { words, options: tokens.filter((t) => t.startsWith('--')).map((t) => t.replace(/=.*/, '')), as: m[0] };
  });
}

test('every madoguchi command and option the scanner guide names exists in the CLI', async () => {
  const found = mentions(guide).filter((m) => m.words.length > 0);
  const named = new Set(found.map((m) => m.words.join(' ')));
  for (const cmd of ['scanner list', 'scanner record', 'scanner replay']) assert.ok(named.has(cmd), `the guide shows madoguchi ${cmd}`);
  for (const { words, options, as } of found) {
    const top = await help(words.slice(0, 1));
    assert.equal(top.code, 0, `${as}: madoguchi ${words[0]} is not a command`);
    // A second word is a subcommand where the command has subcommands, otherwise an argument (settings KEY).
    const hasSubcommands = /\nCommands:\n/.test(top.out);
    const command = hasSubcommands ? words : words.slice(0, 1);
    if (words[0] === 'settings' && words[1] !== undefined) assert.ok(words[1] in SETTINGS, `${as}: no setting ${words[1]}`);
    const h = await help(command);
    assert.equal(h.code, 0, `${as}`);
    assert.match(h.out, new RegExp(`Usage: madoguchi ${command.join(' ')} `), `${as}: no such command`);
    for (const option of options) assert.ok(h.out.includes(option), `${as}: madoguchi ${command.join(' ')} has no ${option}`);
  }
  // The options the guide explains in prose, beside the commands.
  const record = await help(['scanner', 'record']);
  for (const option of ['--seconds', '--device', '--mode', '--force']) {
    assert.ok(guide.includes(`\`${option}`), `the guide names ${option}`);
    assert.ok(record.out.includes(option), `scanner record has ${option}`);
  }
});

test('the udev rule parses as udev lines: hidraw, lower-case hex vendor ids the app knows, uaccess, a number below 73', () => {
  const number = Number(/\/(\d+)-[^/]+\.rules$/.exec(RULES_FILE)![1]);
  assert.ok(number < 73, 'below systemd 73-seat-late.rules, which applies uaccess');
  const lines = rules.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  assert.ok(lines.length > 0);
  const vendors: string[] = [];
  for (const line of lines) {
    const pairs = line.split(/,\s*/).map((p) => {
      const m = /^([A-Z]+(?:\{[A-Za-z_]+\})?)(==|!=|\+=|-=|:=|=)"([^"]*)"$/.exec(p.trim());
      assert.ok(m, `not a udev key/operator/"value": ${p} in ${line}`);
      return { key: m[1]!, op: m[2]!, value: m[3]! };
    });
    const get = (key: string, op: string) => pairs.find((p) => p.key === key && p.op === op)?.value;
    assert.equal(get('KERNEL', '=='), 'hidraw*', line);
    assert.equal(get('SUBSYSTEM', '=='), 'hidraw', line);
    assert.equal(get('TAG', '+='), 'uaccess', line);
    assert.equal(get('MODE', '='), '0660', line);
    const vendor = get('ATTRS{idVendor}', '==');
    assert.match(vendor ?? '', /^[0-9a-f]{4}$/, `lower-case hex vendor id: ${line}`);
    vendors.push(vendor!);
  }
  // The same vendors the app reads as scanners, no more, no fewer; the guide's table names each.
  const known: string[] = [];
  for (let id = 0; id <= 0xffff; id++) if (hidPosVendorFor(id) !== null) known.push(id.toString(16).padStart(4, '0'));
  assert.deepEqual([...vendors].sort(), known.sort());
  for (const v of vendors) assert.ok(guide.includes(`\`${v}\``), `the guide's vendor table names ${v}`);
  assert.ok(guide.includes(RULES_FILE), 'the guide names the rule file');
});
