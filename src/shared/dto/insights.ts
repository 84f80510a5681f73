/** Insights on the wire: stories counted per month, team and category. */

/**
 * `GET /api/insights?from&to` (editors and admins): the stories published in a range of months
 * (`YYYY-MM`, both included), counted per month, team and category.
 */
export interface InsightsDto {
  from: string;
  to: string;
  total: number;
  /** Every month of the range, oldest first; a month without stories has count 0. */
  months: { month: string; count: number }[];
  /** Most stories first; only teams with stories. */
  teams: { team: string; count: number }[];
  /** Most stories first; only categories with stories (ids, labelled by the tab). */
  categories: { category: string; count: number }[];
}
