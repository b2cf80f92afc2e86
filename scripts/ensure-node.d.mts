// Types for ensure-node.mjs (plain JavaScript so it runs on any old node), for the tests that import it.
export declare const MIN_NODE: readonly [number, number, number];
export declare function isSupportedNode(version: string): boolean;
export declare function projectNodePath(root: string, platform?: NodeJS.Platform, arch?: string): string | null;
export declare function ensureSupportedNode(root: string): Promise<void>;
