export declare function prng(seed: number): () => number;
export declare function mutate(code: string, random: () => number): string;
export declare function mutateSome(code: string, random: () => number): string;
