export declare const BEGIN: string;
export declare const END: string;
export declare function renderRulesTable(plugin: { rules: Record<string, unknown> }): string;
export declare function replaceRulesTable(readme: string, table: string): string;
