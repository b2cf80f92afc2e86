// One pull: from each source (a folder shared over the VPN, or a station's HTTPS outbox pinned to its
// registered certificate), fetch the files this folder does not hold yet and take each in. Sources are the
// registered stations' unless given; one source failing does not stop the others.
import type { Db } from '../db/connection';
import { fileHeldCheck } from '../db/queries/sync-files';
import type { Clock } from '../clock';
import { createIngester, describeOutcome, type IngestOutcome } from './ingest';
import { pullFromFolder, pullFromHttps, type PullProblem } from './pull-client';
import { registeredStations } from './registration';
import { tlsIdentity, type KeyPair } from './sync-keys';
import { stationLabel } from '../db/queries/sync-stations';
import { venueStationName } from '../counter/names';

export interface SourceResult {
  /** The folder or https:// address pulled: detail for whoever has to fix it. */
  readonly source: string;
  /** Whose files these are, in words (本庁舎 honchosha-a1b2c3): the stations registered with this source and any its files came from. */
  readonly stations: readonly string[];
  readonly problem: PullProblem | null;
  /** Each file taken in or refused, with its name and its station in words (null when refused unread). */
  readonly outcomes: readonly (IngestOutcome & { readonly file: string; readonly station: string | null })[];
}

export interface PullContext {
  readonly db: Db;
  readonly clock: Clock;
  readonly recipient: KeyPair;
}

function isHttpsSource(source: string): boolean {
  return /^https:\/\//i.test(source);
}

/** The sources to pull: those given, else every registered station's (deduplicated: stations may share a folder). */
export function pullSources(db: Db, given: readonly string[]): string[] {
  if (given.length > 0) return [...new Set(given)];
  return [...new Set(registeredStations(db).flatMap((s) => (s.source ? [s.source] : [])))];
}

export async function pullAndIngest(ctx: PullContext, sources: readonly string[]): Promise<SourceResult[]> {
  const { db } = ctx;
  const held = fileHeldCheck(db);
  const alreadyHave = (_name: string, sha256: string) => held(sha256);
  const results: SourceResult[] = [];
  for (const source of sources) {
    const pulled = isHttpsSource(source) ? await pullHttps(db, source, alreadyHave) : await pullFromFolder(source, alreadyHave);
    if (!pulled.ok) {
      results.push({ source, stations: stationsOf(db, source, []), problem: pulled.error, outcomes: [] });
      continue;
    }
    // A fresh ingester per source: it reads the registry once.
    const ingester = createIngester(ctx);
    const outcomes = ingester.ingestAll(pulled.value.files.map((f) => f.bytes));
    results.push({
      source,
      stations: stationsOf(db, source, outcomes),
      problem: null,
      outcomes: outcomes.map((o, k) => ({
        ...o,
        file: pulled.value.files[k]!.name,
        station: o.status === 'rejected' ? null : stationWords(db, o.stationId),
      })),
    });
  }
  return results;
}

/** The registered stations a source's files are from, in words: those registered with it, then any others its files named. */
function stationsOf(db: Db, source: string, outcomes: readonly IngestOutcome[]): string[] {
  const registered = registeredStations(db);
  const ids = new Set(registered.filter((s) => s.source === source).map((s) => s.stationId));
  for (const o of outcomes) if (o.status !== 'rejected') ids.add(o.stationId);
  return [...ids].map((id) => stationWords(db, id, registered));
}

/** A registered station in words (本庁舎 窓口1, with the label its files gave); an unknown one by its id. */
function stationWords(db: Db, id: string, registered = registeredStations(db)): string {
  const venue = registered.find((s) => s.stationId === id)?.venue;
  return venue === undefined ? id : venueStationName(venue, id, stationLabel(db, id));
}

/** A source as people read it: whose files (本庁舎 honchosha-a1b2c3), or its folder or address when no station is known. */
export function sourceName(r: Pick<SourceResult, 'source' | 'stations'>): string {
  return r.stations.length > 0 ? r.stations.join('、') : r.source;
}

async function pullHttps(db: Db, url: string, alreadyHave: (name: string, sha256: string) => boolean) {
  const identity = tlsIdentity(db);
  const station = registeredStations(db).find((s) => s.source === url);
  if (!identity || !station?.tlsFingerprint) {
    return {
      ok: false as const,
      error: {
        code: 'bad-source' as const,
        message: `${url} は登録された端末の取得元ではありません（madoguchi sync register --source で登録してください）`,
      },
    };
  }
  return pullFromHttps({ url, identity, serverFingerprint: station.tlsFingerprint, alreadyHave });
}

/** What a screen shows of a pull: per source, new files taken in, files already held, files refused and why. */
export function summarizePull(results: readonly SourceResult[]) {
  return results.map((r) => ({
    name: sourceName(r),
    source: r.source,
    problem: r.problem?.message ?? null,
    ingested: r.outcomes.filter((o) => o.status === 'ingested').length,
    alreadyHad: r.outcomes.filter((o) => o.status === 'already-have').length,
    refused: r.outcomes.flatMap((o) =>
      o.status === 'rejected' || o.status === 'equivocation' ? [`${describeOutcome(o)}（ファイル ${o.file}）`] : [],
    ),
  }));
}
