// Shipment ledgers at a venue: importing one in the lead's window, and the list of those imported.
import { z } from 'zod';
import { LEAD, VENUE, channel } from './channel';
import { Empty } from './common';

/** A 100,000-row ledger is ~15 MB; base64 adds a third. */
const MAX_LEDGER_BASE64 = 64 * 1024 * 1024;
/**
 * The request's cap on the wire: the largest ledger the schema takes, plus room for the two key files, the
 * passphrase and their JSON escaping (each at most 6 bytes a character), so the schema, not the cap, says what is
 * wrong with a file just over it. The largest body in the contract by far.
 */
const MAX_LEDGER_REQUEST_BYTES = MAX_LEDGER_BASE64 + 256 * 1024;

export const ledgerContract = {
  /** The lead's import screen: the same service as `madoguchi ledger import`, files read in the window. */
  'ledger:import': channel(
    z.strictObject({
      ledgerBase64: z.string().min(1).max(MAX_LEDGER_BASE64, '台帳ファイルが大きすぎます'),
      venueKeyFile: z.string().min(1).max(16_384),
      hqPublicKeyFile: z.string().min(1).max(16_384),
      passphrase: z.string().min(1).max(1024),
    }),
    z.strictObject({
      status: z.enum(['imported', 'already-imported']),
      shipmentId: z.string(),
      rowCount: z.number(),
      /** HQ's key, pinned by this import (the folder's first): its fingerprint, for the lead to check with HQ by phone. */
      pinnedFingerprint: z.string().nullable(),
    }),
    LEAD,
    VENUE,
    MAX_LEDGER_REQUEST_BYTES,
  ),
  /** Every shipment imported here, and whether its box was received. */
  'shipments:list': channel(
    Empty,
    z.array(z.strictObject({ shipmentId: z.string(), rowCount: z.number(), received: z.boolean() })),
    LEAD,
    VENUE,
  ),
} as const;
