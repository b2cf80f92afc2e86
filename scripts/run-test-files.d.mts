// Types for run-test-files.mjs, for its test.
export interface FileResult {
  file: string;
  seconds: number;
  timedOut: boolean;
  pass: number;
  fail: number;
  skipped: number;
}
export declare function describeReport(report: unknown): string[];
export declare function runTestFiles(options: {
  root: string;
  files: string[];
  nodeArgs: string[];
  concurrency?: number;
  timeoutMs: number;
  workDir: string;
  log?: (text: string) => void;
}): Promise<{ passed: number; failed: number; skipped: number; results: FileResult[] }>;
