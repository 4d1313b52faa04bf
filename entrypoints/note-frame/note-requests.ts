import type { NoteRequests } from '@/components/notes/NotesSection';
import type { MessageClient } from '@/utils/messaging/client';

/** The note section's requests as messages to the background, for one article. */
export function noteRequests(request: MessageClient, articleKey: string): NoteRequests {
  return {
    load: () => request({ type: 'note/get', articleKey }),
    save: (draft, baseRevision, baseUpdatedAt) =>
      request({
        type: 'note/save',
        articleKey,
        ...draft,
        baseRevision,
        ...(baseUpdatedAt !== undefined ? { baseUpdatedAt } : {}),
      }),
    resolveConflict: (conflictId, choice) =>
      request({ type: 'note/resolve-conflict', conflictId, choice }),
    listTags: () => request({ type: 'tags/list' }),
  };
}
