export * from './frameworks';
export * from './units';
export * from './users';
export * from './projects';
export * from './review';
export * from './audit';
export * from './known-devices';
