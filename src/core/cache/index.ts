export { ResultCache, DEFAULT_CACHE_BYTES, hashText, nextTurn, type Stamp, type CacheOptions } from './store';
export { rulesetKey } from './key';
