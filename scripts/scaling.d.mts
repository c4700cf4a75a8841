/** Types for scripts/scaling.mjs (the synthetic files of the scaling check). */
export interface FamilySpec {
  family: string;
  rule: string;
  /** The `nesting` shape's construct around each level (`while (running) {` … `}`). */
  nestOpen: (level: number) => string;
  nestClose: string;
  /** Whether the nest's functions are `async`. */
  nestAsync?: boolean;
  [key: string]: unknown;
}
export interface ScalingRow {
  family: string;
  rule: string;
  shape: string;
  /** Rule time in ms by size: ESLint `stats` summed over the leakproof rules, scaled by the run's share of time on a CPU; per round the mean of a batch, the lowest round kept. */
  times: Record<number, number>;
  /** The same figure from ESLint's unscaled times. */
  wall: Record<number, number>;
  /** ESLint's own parse time of the same runs by size, scaled and chosen alike (a control, not bounded). */
  parse: Record<number, number>;
  /** Timed runs per size, and their times. */
  runs: Record<number, number>;
  samples: Record<number, number[]>;
  heaviest: Record<number, string>;
  findings: Record<number, number>;
  ratio: number;
  /** `parse` at the largest size over the smallest. */
  parseRatio: number;
  /** The control rules' time (`control` option) by size, scaled and chosen alike; 0 without them. */
  control: Record<number, number>;
  /** `control` at the largest size over the smallest. */
  controlRatio: number;
}
export declare const FAMILIES: readonly FamilySpec[];
export declare const SHAPES: readonly string[];
/** ESLint core rules whose work is linear, for the control measured next to the plugin's rules. */
export declare const CONTROL_RULES: Readonly<Record<string, string>>;
export declare function scalingFile(family: string | FamilySpec, shape: string, n: number): string;
export declare function measureScaling(
  Linter: unknown,
  plugin: unknown,
  options?: {
    families?: readonly FamilySpec[];
    shapes?: readonly string[];
    sizes?: readonly number[];
    rounds?: number;
    minRoundMs?: number;
    maxRunsPerRound?: number;
    /** ESLint rules linted in the same runs as a control (`CONTROL_RULES`); their time is the row's `control`. */
    control?: Readonly<Record<string, unknown>>;
    onRow?: (row: ScalingRow) => void;
  },
): ScalingRow[];
/** Blocks of the plugin's code V8 ran for `make(n)`, by size (precise coverage; see the script). */
export declare function measureWork(
  Linter: unknown,
  plugin: unknown,
  make: (n: number) => string,
  sizes: readonly number[],
  isPluginScript: (url: string) => boolean,
): Promise<Record<number, number>>;
