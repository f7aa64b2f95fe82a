export { MATCH_THRESHOLD, matchIndicator, rankIndicators, type IndicatorContext, type IndicatorMatch } from './indicator-matcher.ts';
export { compileCatalog, INDICATOR_INDEX, type IndicatorIndex } from './indicator-index.ts';
