export * from './action-id.js';
export * from './classify-query.js';
export * from './closest-matches.js';
export * from './digest-view.js';
export * from './lists-view.js';
export * from './messages.js';
export * from './parse-command.js';
export * from './stock.js';
