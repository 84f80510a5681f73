import type { InsightsDeps } from './ports.js';
import {
  getInsights,
  type CategoryCount,
  type Insights,
  type InsightsRange,
  type MonthCount,
  type TeamCount,
} from './useCases/getInsights.js';
import type { Actor } from './user.js';

/** The insight use cases bound to their dependencies; what the API calls. */
export function createInsightsService(deps: InsightsDeps) {
  return {
    getInsights: (actor: Actor, range: InsightsRange) => getInsights(deps, actor, range),
  };
}

export type InsightsService = ReturnType<typeof createInsightsService>;
export type { CategoryCount, Insights, InsightsRange, MonthCount, TeamCount };
export { INSIGHTS_DEFAULT_MONTHS, INSIGHTS_MAX_MONTHS } from './useCases/getInsights.js';
