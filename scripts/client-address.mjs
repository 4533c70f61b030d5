// Who is on the other end of a request, decided by our server (scripts/server.mjs) and handed to the
// app in private headers. Kept apart from the server so it can be unit-tested.

/** Read by lib/auth/request.ts; any copy a client sends is deleted first. */
export const CLIENT_ADDRESS_HEADER = 'x-pt-client-address';
export const CLIENT_PROTO_HEADER = 'x-pt-client-proto';

function entries(header) {
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  return joined
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function normalise(address) {
  // Node reports IPv4 clients on a dual-stack socket as ::ffff:a.b.c.d.
  const plain = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
  return plain.slice(0, 64) || 'unknown';
}

/** TRUST_PROXY: how many proxies of ours stand in front of the server (default 0: none). */
export function trustedProxyCount(value) {
  const n = Number(value ?? '0');
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/**
 * The client's address and protocol. With no trusted proxy, the socket's. With N, the N-th entry from
 * the right of X-Forwarded-For: each proxy appends the address it saw, so entries further left were
 * written by the client and prove nothing. Fewer entries than N: the leftmost (all were written by
 * trusted proxies). X-Forwarded-Proto is read the same way; TLS on our own socket is https.
 */
export function clientFacts({ socketAddress, isTls, forwardedFor, forwardedProto }, trustProxy) {
  let address = socketAddress ?? 'unknown';
  let proto = isTls ? 'https' : 'http';
  if (trustProxy > 0) {
    const hops = entries(forwardedFor);
    if (hops.length > 0) address = hops[Math.max(0, hops.length - trustProxy)];
    const protos = entries(forwardedProto);
    if (protos.length > 0) proto = protos[Math.max(0, protos.length - trustProxy)].toLowerCase() === 'https' ? 'https' : 'http';
  }
  return { address: normalise(address), proto };
}

/**
 * Replaces what a client could have written: the private headers carry the decision, and the
 * X-Forwarded-* headers Next itself reads say the same (without a trusted proxy there is no
 * forwarded host either, so Next compares a server action's Origin with the Host header).
 */
export function rewriteHeaders(headers, facts, trustProxy) {
  headers[CLIENT_ADDRESS_HEADER] = facts.address;
  headers[CLIENT_PROTO_HEADER] = facts.proto;
  headers['x-forwarded-for'] = facts.address;
  headers['x-forwarded-proto'] = facts.proto;
  if (trustProxy === 0) delete headers['x-forwarded-host'];
}

/**
 * Headers that depend on how the client reached us: over https (our own TLS, or a trusted proxy that
 * says so), browsers are told to use https only for a year (HSTS). Never over plain http, where an
 * attacker in the middle could strip it anyway and a site still served over http would lock itself out.
 */
export function transportHeaders(facts) {
  return facts.proto === 'https' ? { 'strict-transport-security': 'max-age=31536000' } : {};
}
