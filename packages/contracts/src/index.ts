export * from './common.ts';
export * from './regions.ts';
export * from './auth.ts';
export * from './registry.ts';
export * from './audit.ts';
export * from './elections.ts';
export * from './tips.ts';
export * from './cases.ts';
