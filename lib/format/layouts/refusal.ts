/** A document refused before it is read (too large, a zip bomb, too deeply nested, broken XML): the message is for the user. */
export class DocumentRefused extends Error {}

export function refuse(message: string): never {
  throw new DocumentRefused(message);
}
