import { describe, expect, it } from 'vitest';
import { clientFacts, rewriteHeaders, transportHeaders, trustedProxyCount } from './client-address.mjs';

const req = (forwardedFor?: string | string[], forwardedProto?: string, socketAddress = '::ffff:192.0.2.10', isTls = false) => ({
  socketAddress,
  isTls,
  forwardedFor,
  forwardedProto,
});

describe('clientFacts', () => {
  it('trusts no header without a proxy: the socket decides', () => {
    expect(clientFacts(req('6.6.6.6', 'https'), 0)).toEqual({ address: '192.0.2.10', proto: 'http' });
    expect(clientFacts(req(undefined, undefined, '2001:db8::1', true), 0)).toEqual({ address: '2001:db8::1', proto: 'https' });
  });

  it('takes the N-th entry from the right behind N proxies, so client-written entries on the left do not count', () => {
    expect(clientFacts(req('6.6.6.6, 203.0.113.7'), 1).address).toBe('203.0.113.7');
    expect(clientFacts(req(['1.1.1.1, 6.6.6.6', '203.0.113.7, 10.0.0.2']), 2).address).toBe('203.0.113.7');
    expect(clientFacts(req('203.0.113.7'), 2).address).toBe('203.0.113.7');
    expect(clientFacts(req(undefined), 1).address).toBe('192.0.2.10');
    expect(clientFacts(req('', 'https'), 1)).toEqual({ address: '192.0.2.10', proto: 'https' });
  });

  it('reads the protocol the trusted proxy reports', () => {
    expect(clientFacts(req('203.0.113.7', 'https'), 1).proto).toBe('https');
    expect(clientFacts(req('203.0.113.7', 'http'), 1).proto).toBe('http');
    expect(clientFacts(req('203.0.113.7', 'javascript'), 1).proto).toBe('http');
  });

  it('reads TRUST_PROXY as a small count, anything else as none', () => {
    expect(trustedProxyCount(undefined)).toBe(0);
    expect(trustedProxyCount('2')).toBe(2);
    for (const bad of ['-1', 'yes', '1.5', '99']) expect(trustedProxyCount(bad)).toBe(0);
  });
});

describe('rewriteHeaders', () => {
  it('overwrites every header a client could have used to pose as someone else', () => {
    const headers: Record<string, string | string[] | undefined> = {
      'x-pt-client-address': '7.7.7.7',
      'x-pt-client-proto': 'https',
      'x-forwarded-for': '6.6.6.6',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'evil.example',
      host: '127.0.0.1:3000',
    };
    rewriteHeaders(headers, clientFacts(req('6.6.6.6', 'https', '127.0.0.1'), 0), 0);
    expect(headers).toEqual({
      'x-pt-client-address': '127.0.0.1',
      'x-pt-client-proto': 'http',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      host: '127.0.0.1:3000',
    });
  });

  it('keeps the forwarded host a trusted proxy set', () => {
    const headers: Record<string, string | string[] | undefined> = { 'x-forwarded-host': 'budget.example.gov.cn' };
    rewriteHeaders(headers, { address: '203.0.113.7', proto: 'https' }, 1);
    expect(headers['x-forwarded-host']).toBe('budget.example.gov.cn');
    expect(headers['x-pt-client-proto']).toBe('https');
  });
});

describe('transportHeaders', () => {
  it('sends HSTS when the request is https, by our own TLS or a trusted proxy, and never over plain http', () => {
    const hsts = { 'strict-transport-security': 'max-age=31536000' };
    expect(transportHeaders(clientFacts(req(undefined, undefined, '192.0.2.10', true), 0))).toEqual(hsts);
    expect(transportHeaders(clientFacts(req('203.0.113.7', 'https'), 1))).toEqual(hsts);
    expect(transportHeaders(clientFacts(req('203.0.113.7', 'https'), 0))).toEqual({});
    expect(transportHeaders(clientFacts(req('203.0.113.7', 'http'), 1))).toEqual({});
  });
});
