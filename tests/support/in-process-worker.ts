import { startLibraryService, type LibraryService } from '@/entrypoints/dashboard/library-service';
import { openDatabase } from '@/utils/storage/db';

/**
 * happy-dom has no Worker. The library page's worker only runs the library service
 * (entrypoints/dashboard/library-service.ts), so unit tests of the page run that same service in the
 * test's thread behind the Worker interface: messages are structured-cloned and delivered in later
 * tasks, as between a page and its worker, and the database is the one the page names.
 * The real worker runs in the browser e2e suites (library.e2e.ts, firefox-extension-pages.e2e.ts).
 */
export class InProcessLibraryWorker extends EventTarget {
  private readonly service: LibraryService;
  private terminated = false;

  constructor(_url: URL | string, options?: WorkerOptions) {
    super();
    this.service = startLibraryService(openDatabase(options?.name || undefined), (message) => {
      const data = structuredClone(message);
      setTimeout(() => {
        if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }));
      });
    });
  }

  postMessage(message: unknown): void {
    const data = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.service.handle(data);
    });
  }

  terminate(): void {
    this.terminated = true;
    this.service.stop();
  }
}
