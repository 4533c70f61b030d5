'use server';

import { defineAction } from '@/lib/actions/define';
import { importStandardLibrary, previewStandardLibrary } from '@/lib/library/commands/import-standard';
import { mergeEntries } from '@/lib/library/commands/merge-entries';
import { retireEntry } from '@/lib/library/commands/retire-entry';
import { mergeEntriesInput, retireEntryInput, standardFileInput } from '@/lib/library/schemas';

export const retireLibraryEntryAction = defineAction({
  name: 'retireLibraryEntryAction',
  schema: retireEntryInput,
  run: (i, ctx) => retireEntry(ctx, i.entryId, i.isRetired),
  revalidate: () => ['/admin/library'],
});

export const mergeLibraryEntriesAction = defineAction({
  name: 'mergeLibraryEntriesAction',
  schema: mergeEntriesInput,
  run: (i, ctx) => mergeEntries(ctx, i.fromId, i.intoId),
  revalidate: () => ['/admin/library'],
});

export const previewStandardLibraryAction = defineAction({
  name: 'previewStandardLibraryAction',
  schema: standardFileInput,
  run: (i, ctx) => previewStandardLibrary(ctx, i.file),
});

export const importStandardLibraryAction = defineAction({
  name: 'importStandardLibraryAction',
  schema: standardFileInput,
  run: (i, ctx) => importStandardLibrary(ctx, i.file),
  revalidate: () => ['/admin/library'],
});
