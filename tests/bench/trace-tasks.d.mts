/** Types for trace-tasks.mjs, so unit tests can import it. */
export declare const TRACE_CATEGORIES: string[];
export interface TaskAttribution {
  longestTaskMs: number;
  longestExtensionTaskMs: number;
  extensionTasks: number;
  extensionLongTasks: number;
  extensionTaskMs: number;
  extensionCompileMs: number;
}
export declare function attributeTasks(
  events: Array<Record<string, unknown>>,
  prefix?: string,
): TaskAttribution;
