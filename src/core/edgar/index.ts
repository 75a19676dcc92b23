/**
 * The EDGAR client (no vscode import): used by the CLI (`form4 fetch`, `form4 check --edgar`) and the extension's
 * EDGAR commands. See client.ts for how it treats SEC.gov.
 */
export * from './addresses';
export * from './cache';
export * from './client';
export * from './current';
export * from './download';
export * from './errors';
export * from './fairAccess';
export * from './filings';
export * from './manifest';
export * from './origin';
export * from './people';
export * from './resolve';
export * from './source';
export * from './submissions';
export * from './tickers';
export * from './userAgent';
export * from './plan';
