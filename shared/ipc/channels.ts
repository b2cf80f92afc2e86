// Channel names alone, for the preload and the browser bridge, which must stay tiny and zod-free.
// A test checks this list equals the contract's keys.
export const CHANNEL_NAMES = [
  'station:status', 'station:unlock',
  'session:get', 'session:signIn', 'session:signOut', 'session:lock', 'session:unlock', 'session:touch', 'status:get',
  'counter:scan', 'counter:view', 'counter:handover', 'counter:refuse', 'counter:undo', 'counter:search',
  'lead:confirmReceipt', 'lead:importLedger', 'lead:receiptOpen', 'lead:receiptScan', 'lead:receiptView', 'lead:receiptClose',
  'lead:markDamaged', 'lead:correctReceipt', 'lead:overdue', 'lead:returnBatch', 'lead:closeDay',
  'lead:reconciliation', 'lead:returnBatches', 'print:document', 'lead:shipments', 'hq:ledgers', 'hq:report', 'hq:pull', 'lead:pullSiblings',
] as const;
export const PUSH_EVENT_NAMES = ['scanner:scan', 'scanner:status', 'ledger:progress'] as const;
