'use server';

import { defineAction } from '@/lib/actions/define';
import type { ServerActionName } from '@/lib/auth/operations';
import { importSelfEval } from '@/lib/selfeval/commands/import-selfeval';
import { openSelfEvalRounds } from '@/lib/selfeval/commands/open-rounds';
import { saveSelfEval } from '@/lib/selfeval/commands/save-selfeval';
import { setSelfEvalPublic } from '@/lib/selfeval/commands/set-public';
import { transitionSelfEval, type SelfEvalAction } from '@/lib/selfeval/commands/transition-selfeval';
import { importSelfEvalInput, openSelfEvalRoundsInput, saveSelfEvalInput, selfEvalTransitionInput, setSelfEvalPublicInput } from '@/lib/selfeval/schemas';

export const openSelfEvalRoundsAction = defineAction({
  name: 'openSelfEvalRoundsAction',
  schema: openSelfEvalRoundsInput,
  run: (input, ctx) => openSelfEvalRounds(ctx, input),
  revalidate: () => ['/selfeval'],
});

export const setSelfEvalPublicAction = defineAction({
  name: 'setSelfEvalPublicAction',
  schema: setSelfEvalPublicInput,
  run: (input, ctx) => setSelfEvalPublic(ctx, input),
  revalidate: (input) => ['/selfeval', `/selfeval/unit-years/${input.unitYearId}`],
});

export const saveSelfEvalAction = defineAction({
  name: 'saveSelfEvalAction',
  schema: saveSelfEvalInput,
  run: (input, ctx) => saveSelfEval(ctx, input.selfEvalId, input.version, input.data),
});

export const importSelfEvalAction = defineAction({
  name: 'importSelfEvalAction',
  schema: importSelfEvalInput,
  run: (input, ctx) => importSelfEval(ctx, input.selfEvalId, input.version, { bytes: Buffer.from(input.file, 'base64'), fileName: input.fileName }),
  revalidate: (input) => [`/selfeval/${input.selfEvalId}`],
});

function transitionAction(action: SelfEvalAction, name: ServerActionName) {
  return defineAction({
    name,
    schema: selfEvalTransitionInput,
    run: (input, ctx) => transitionSelfEval(ctx, action, input),
    revalidate: (input) => ['/selfeval', `/selfeval/${input.selfEvalId}`],
  });
}

export const submitSelfEvalAction = transitionAction('submit', 'submitSelfEvalAction');
export const returnSelfEvalAction = transitionAction('return', 'returnSelfEvalAction');
export const approveSelfEvalAction = transitionAction('approve', 'approveSelfEvalAction');
