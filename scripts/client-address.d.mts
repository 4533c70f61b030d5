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
