// Official unit codes, their register over time, units valid on a date and their display names.
export * from './unit-code.ts';
export * from './registry.ts';
export * from './valid-on.ts';
export * from './display-name.ts';
