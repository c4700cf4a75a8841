/** Types for scripts/scaling.mjs (the synthetic files of the scaling check). */
export interface FamilySpec {
  family: string;
  rule: string;
}
export interface ScalingRow {
  family: string;
  rule: string;
  shape: string;
  /** Rule time in ms by size (ESLint `stats`, summed over the leakproof rules; the fastest round). */
  times: Record<number, number>;
  heaviest: Record<number, string>;
  findings: Record<number, number>;
  ratio: number;
}
export declare const FAMILIES: readonly FamilySpec[];
export declare const SHAPES: readonly string[];
export declare function scalingFile(family: string | FamilySpec, shape: string, n: number): string;
export declare function measureScaling(
  Linter: unknown,
  plugin: unknown,
  options?: { families?: readonly FamilySpec[]; shapes?: readonly string[]; sizes?: readonly number[]; rounds?: number; onRow?: (row: ScalingRow) => void },
): ScalingRow[];
