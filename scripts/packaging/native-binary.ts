// Which platform and processor a native module (.node) was built for, read from its header: ELF (Linux), PE
// (Windows) or Mach-O (macOS). A package for Windows must carry Windows x64 binaries and nothing else.
export interface BinaryTarget {
  readonly platform: 'linux' | 'win32' | 'darwin' | 'unknown';
  readonly arch: 'x64' | 'arm64' | 'ia32' | 'arm' | 'unknown';
}

const ELF_MACHINES: Record<number, BinaryTarget['arch']> = { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'arm' };
const PE_MACHINES: Record<number, BinaryTarget['arch']> = { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' };
const MACHO_CPUS: Record<number, BinaryTarget['arch']> = { 0x01000007: 'x64', 0x0100000c: 'arm64' };

export function binaryTarget(bytes: Buffer): BinaryTarget {
  if (bytes.length >= 20 && bytes.readUInt32BE(0) === 0x7f454c46)
    return { platform: 'linux', arch: ELF_MACHINES[bytes.readUInt16LE(18)] ?? 'unknown' };
  if (bytes.length >= 64 && bytes.toString('latin1', 0, 2) === 'MZ') {
    const pe = bytes.readUInt32LE(0x3c);
    if (pe + 6 <= bytes.length && bytes.toString('latin1', pe, pe + 4) === 'PE\0\0')
      return { platform: 'win32', arch: PE_MACHINES[bytes.readUInt16LE(pe + 4)] ?? 'unknown' };
  }
  if (bytes.length >= 8 && bytes.readUInt32LE(0) === 0xfeedfacf)
    return { platform: 'darwin', arch: MACHO_CPUS[bytes.readUInt32LE(4)] ?? 'unknown' };
  return { platform: 'unknown', arch: 'unknown' };
}

/**
 * Whether a module is N-API (it registers through napi_register_module_v1 or napi_module_register, never Node's own
 * node_module_register or node_register_module_v<ABI>): one binary for every Node and Electron, never rebuilt. A
 * module built against one Node's ABI loads in that Node only.
 */
export function isNodeApi(bytes: Buffer): boolean {
  const text = bytes.toString('latin1');
  return /napi_register_module_v1|napi_module_register/.test(text) && !/node_module_register|node_register_module_v\d+/.test(text);
}
