import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Runs the files of one test environment one after another. Workers are shared between files
 * (`isolate: false`), but only by files of the same environment: a file whose environment differs from
 * the one before it costs a new worker and a new DOM. Vitest orders files by size or past duration
 * alone, which interleaves node, happy-dom and jsdom files; this keeps that order within each
 * environment. Files that start the real WebDAV server (the sync suites, one of them a 10,000-note
 * sync) come first: they are the longest, and with more than one worker (Vitest uses cores − 1, so one
 * on a 2-core machine) a long file started last would run alone at the end.
 */
class ByEnvironment extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const source = (spec: TestSpecification) => readFileSync(spec.moduleId, 'utf8');
    const environment = (text: string, spec: TestSpecification) =>
      /@vitest-environment\s+([\w-]+)/.exec(text.slice(0, 400))?.[1] ??
      spec.project.config.environment;
    const server: TestSpecification[] = [];
    const groups = new Map<string, TestSpecification[]>();
    for (const spec of sorted) {
      const text = source(spec);
      const key = environment(text, spec);
      if (text.includes('startDavServer(') && key === 'node') server.push(spec);
      else groups.set(key, [...(groups.get(key) ?? []), spec]);
    }
    // The server files are node files: the node group follows them, so their worker is reused.
    const node = groups.get('node') ?? [];
    groups.delete('node');
    return [...server, ...node, ...[...groups.values()].flat()];
  }
}

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Files that need a DOM say so in their first line (`// @vitest-environment happy-dom` or jsdom).
    environment: 'node',
    // `.only` fails the run instead of quietly running one test (CI=1 does the same; this holds locally too).
    allowOnly: false,
    pool: 'threads',
    isolate: false,
    sequence: { sequencer: ByEnvironment },
    setupFiles: ['./tests/setup.ts'],
    include: ['tests/unit/**/*.test.{ts,tsx}'],
  },
});
