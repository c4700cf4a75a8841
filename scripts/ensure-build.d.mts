export declare const root: string;
export declare const cliPath: string;
export declare function isBuildStale(): boolean;
export declare function ensureBuilt(options?: { quiet?: boolean }): boolean;
