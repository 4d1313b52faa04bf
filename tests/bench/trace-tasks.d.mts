/** Types for trace-tasks.mjs, so unit tests can import it. */
export declare const TRACE_CATEGORIES: string[];
export interface ProfiledFunction {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
  extension: boolean;
  selfMs: number;
}
export interface TaskBreakdown {
  startMs: number;
  durationMs: number;
  /** Its thread (CPU) time, when the trace recorded it. */
  cpuMs: number | null;
  devtoolsInterruptMs: number;
  sampledMs: number;
  functions: ProfiledFunction[];
  steps: Record<string, number>;
}
export interface TaskAttribution {
  longestTaskMs: number;
  longestExtensionTaskMs: number;
  extensionTasks: number;
  extensionLongTasks: number;
  extensionTaskMs: number;
  extensionCompileMs: number;
  longestExtensionTask: TaskBreakdown | null;
}
export declare function attributeTasks(
  events: Array<Record<string, unknown>>,
  prefix?: string,
): TaskAttribution;
