export declare const CLIENT_ADDRESS_HEADER: 'x-pt-client-address';
export declare const CLIENT_PROTO_HEADER: 'x-pt-client-proto';
export declare function trustedProxyCount(value: string | undefined): number;
export declare function clientFacts(
  request: {
    socketAddress: string | undefined;
    isTls: boolean;
    forwardedFor: string | string[] | undefined;
    forwardedProto: string | string[] | undefined;
  },
  trustProxy: number,
): { address: string; proto: 'http' | 'https' };
export declare function rewriteHeaders(
  headers: Record<string, string | string[] | undefined>,
  facts: { address: string; proto: 'http' | 'https' },
  trustProxy: number,
): void;
export declare function transportHeaders(facts: { address: string; proto: 'http' | 'https' }): Record<string, string>;
