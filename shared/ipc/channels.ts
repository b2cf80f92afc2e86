// What the preload needs from the contract, zod-free: the preload stays tiny and asks main, once and
// synchronously, for the names it builds `window.madoguchi` from (so a new channel needs no second list).
export const API_NAMES_CHANNEL = 'madoguchi:api-names';

export interface ApiNames {
  readonly channels: readonly string[];
  readonly pushEvents: readonly string[];
}
