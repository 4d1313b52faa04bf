/**
 * The library's worker: runs the search service (library-service.ts) off the page's main thread.
 * The page names the database it uses in the worker's `name` (the default database in the
 * extension); only the library page (same origin, its own `new Worker`) can post here.
 */
import { openDatabase } from '@/utils/storage/db';
import { startLibraryService } from './library-service';

const service = startLibraryService(openDatabase(self.name || undefined), (message) =>
  postMessage(message),
);
addEventListener('message', (event: MessageEvent<unknown>) => service.handle(event.data));
