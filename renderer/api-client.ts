// The only module that touches window.madoguchi (the preload API in Electron, the bridge in browser mode).
import type { MadoguchiApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    readonly madoguchi?: MadoguchiApi;
  }
}

let override: MadoguchiApi | null = null;

export function api(): MadoguchiApi {
  const a = override ?? window.madoguchi;
  if (!a) throw new Error('window.madoguchi is missing: the preload (or browser bridge) did not load');
  return a;
}

/** For component tests with a fake API. */
export function setApiForTests(fake: MadoguchiApi | null): void {
  override = fake;
}
