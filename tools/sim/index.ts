// One import for the jest dialog tests and the CLI.
export * from './model';
export * from './matcher';
export * from './envelope';
export * from './render';
export * from './lambda';
export * from './conversation';
