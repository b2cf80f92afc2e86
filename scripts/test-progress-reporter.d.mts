// Types for test-progress-reporter.mjs, for its test.
export default function progress(source: AsyncIterable<unknown>): AsyncGenerator<string>;
export declare function fileTotals(text: string): { pass: number; fail: number; skipped: number } | null;
export declare function unfinishedTests(text: string): string[];
