export { ResultCache, DEFAULT_CACHE_BYTES, nextTurn, type Stamp, type CacheOptions, type Encoded } from './store';
export { rulesetKey } from './key';
