export { ResultCache, DEFAULT_CACHE_BYTES, nextTurn, type Stamp, type CacheOptions } from './store';
export { rulesetKey } from './key';
