// A stand-in for Electron's release folder, so electron-builder packages the app here without downloading Electron
// (`electronDist`). What electron-builder reads or edits in the real one is real enough: the executable carries
// Electron's fuse wire (the sentinel, version 1, eight fuses at Electron's defaults) for @electron/fuses to flip;
// the Windows one is a real PE with a version resource, which electron-builder reads and writes the asar's
// integrity into. The Linux one is a shell script that prints what it was started with, so the `madoguchi`
// command's wrapper can be run against it.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NtExecutable, NtExecutableResource, Resource } from 'resedit';

/** Electron's fuse wire as a release ships it: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, asar only off, V8 snapshot off, file:// privileges on. */
const FUSE_WIRE = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10110001')]);

export function makeStandInElectron(dir: string, target: 'linux' | 'win', version: string): string {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(join(dir, 'version'), version);
  for (const file of ['LICENSE', 'LICENSES.chromium.html', 'locales/ja.pak', 'locales/en-US.pak', 'locales/fr.pak', 'locales/zh-CN.pak'])
    writeFileSync(join(dir, file), '');
  if (target === 'linux') {
    const script = Buffer.concat([Buffer.from('#!/bin/sh\n# '), FUSE_WIRE, Buffer.from('\necho "stand-in electron: $*"\n')]);
    writeFileSync(join(dir, 'electron'), script);
    chmodSync(join(dir, 'electron'), 0o755);
    writeFileSync(join(dir, 'chrome-sandbox'), '');
  } else {
    writeFileSync(join(dir, 'electron.exe'), Buffer.concat([windowsExecutable(version), FUSE_WIRE]));
  }
  return dir;
}

function windowsExecutable(version: string): Buffer {
  const exe = NtExecutable.createEmpty(false, false);
  const resources = NtExecutableResource.from(exe);
  const info = Resource.VersionInfo.createEmpty();
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  info.setFileVersion(major, minor, patch, 0, 1033);
  info.setProductVersion(major, minor, patch, 0, 1033);
  info.setStringValues(
    { lang: 1033, codepage: 1200 },
    { ProductName: 'Electron', FileDescription: 'Electron', OriginalFilename: 'electron.exe' },
  );
  info.outputToResourceEntries(resources.entries);
  resources.outputResource(exe);
  return Buffer.from(exe.generate());
}
