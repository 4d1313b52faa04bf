/** Types for report.mjs, so unit tests can import its formatting functions. */
export type BenchResult = { data: unknown } | { missing: true } | { error: string };
export interface Machine {
  cpuModel: string;
  cpuCount: number;
  os: string;
  node: string;
  /** 1-minute load average when the report was made: the bench shares the machine. */
  loadAverage?: number;
  chromium?: string;
  date: string;
}
export declare const BENCH_DIR: string;
export declare const HEADERS: string[];
export declare function median(xs: number[]): number;
export declare function readResult(path: string): BenchResult;
export declare function ms(x: unknown): string;
export declare function ratio(a: unknown, b: unknown): string;
export declare function signedMs(x: unknown): string;
export declare function kb(bytes: unknown): string;
export declare function count(n: unknown): string;
export declare function markdownTable(headers: string[], rows: string[][]): string;
export declare function highlightRows(result: BenchResult): string[][];
export declare function extensionRows(result: BenchResult): string[][];
export declare function libraryRows(result: BenchResult): string[][];
export declare function libraryPageRows(result: BenchResult): string[][];
export declare function syncRows(result: BenchResult): string[][];
export declare const MATCHER_TARGET_HEADERS: string[];
export declare function matcherTargetRows(highlight: BenchResult): string[][];
export declare const TARGET_HEADERS: string[];
export declare function targetRows(parts: {
  highlight: BenchResult;
  extension: BenchResult;
  libraryPage: BenchResult;
}): string[][];
export declare function breakdownSection(extension: BenchResult): string[];
export declare function loadLines(load: BenchResult): string[];
export declare function machineLine(machine: Machine): string;
export declare function buildReport(parts: {
  highlight: BenchResult;
  extension: BenchResult;
  library: BenchResult;
  libraryPage?: BenchResult;
  sync?: BenchResult;
  load?: BenchResult;
  quick?: boolean;
  machine: Machine;
}): string;
export declare function describeMachine(results: BenchResult[], now?: Date): Machine;
