// Types for check-cycles.mjs, for its test.
export declare const SOURCES: readonly string[];
export declare function findCycles(root: string, patterns?: readonly string[]): Promise<{ files: number; cycles: string[][] }>;
