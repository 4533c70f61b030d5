/** For tests of commands: the ActionError a call throws; fails the test when it does not refuse. */
import { ActionError } from '@/lib/actions/errors';

export async function refusal(fn: () => unknown): Promise<ActionError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof ActionError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
