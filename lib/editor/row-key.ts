/**
 * Keys for rows added in the browser: 16 hex characters like the server's, from getRandomValues, which
 * (unlike randomUUID) also works on a plain-http intranet address. The server keeps them and replaces
 * any key repeated within a table.
 */
export function newClientRowKey(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
