import { render } from 'preact';
import { openDatabase } from '@/utils/storage/db';
import { App } from './App';

// Ask once that the browser never evicts the extension's storage (the reader's notes) under pressure.
// Harmless when already granted; the Settings tab shows the result and can ask again.
void navigator.storage
  ?.persisted?.()
  .then((granted) => granted || navigator.storage.persist())
  .catch(() => undefined);

render(<App db={openDatabase()} />, document.getElementById('app')!);
