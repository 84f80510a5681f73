import { tokens, useId } from '@fluentui/react-components';
import {
  DataVizPalette,
  DonutChart,
  HorizontalBarChartWithAxis,
  VerticalBarChart,
  getColorFromToken,
  type ChartDataPoint,
  type HorizontalBarChartWithAxisDataPoint,
  type VerticalBarChartDataPoint,
} from '@fluentui/react-charts';
import type { InsightsDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { useT } from '../../hooks/useT.js';
import { TEAM_CHART_MAX, knownCategory, monthLabel } from './insightsModel.js';
import { useInsightsStyles } from './Insights.styles.js';

// Charts take their size as numbers of CSS pixels; everything else comes from Fluent tokens, so
// axes, labels and bars follow the host theme (light, dark, high contrast).
const CHART_HEIGHT = 280;
const BAR_ROW_HEIGHT = 36;
const MAX_BAR_WIDTH = 48;
/** Count-axis ticks at most. */
const MAX_TICKS = 5;
/** One colour for every bar: the brand colour of the current theme. */
const BAR_COLORS = [tokens.colorBrandBackground];

export interface InsightsChartsProps {
  insights: InsightsDto;
}

/** The counts drawn: months as vertical bars, teams as horizontal bars, categories as a donut. */
export function InsightsCharts({ insights }: InsightsChartsProps) {
  const styles = useInsightsStyles();
  const t = useT();
  const { language } = useAppContext();
  const number = new Intl.NumberFormat(language);
  const headingId = useId('insights-chart');

  const months: VerticalBarChartDataPoint[] = insights.months.map(({ month, count }) => {
    const label = monthLabel(month, language);
    return {
      x: label,
      y: count,
      legend: label,
      xAxisCalloutData: label,
      yAxisCalloutData: number.format(count),
    };
  });
  const shownTeams = insights.teams.slice(0, TEAM_CHART_MAX);
  // The chart draws its first bar at the bottom: reversed, the team with most stories is on top.
  const teams: HorizontalBarChartWithAxisDataPoint[] = shownTeams
    .map(({ team, count }) => ({
      x: count,
      y: team,
      legend: team,
      yAxisCalloutData: team,
      xAxisCalloutData: number.format(count),
    }))
    .reverse();
  const mostPerTeam = shownTeams[0]?.count ?? 1;
  const categories: ChartDataPoint[] = insights.categories.map(({ category, count }, index) => {
    const known = knownCategory(category);
    return {
      legend: known ? t(`category.${known}`) : category,
      data: count,
      // The donut needs a colour per slice: Fluent's data-visualisation palette, in turn.
      color: getColorFromToken(paletteColor(index)),
    };
  });

  return (
    <div className={styles.charts} data-testid="insights-charts">
      <section className={styles.section} aria-labelledby={`${headingId}-months`}>
        <h3 id={`${headingId}-months`} className={styles.sectionHeading}>
          {t('insights.perMonth')}
        </h3>
        <div className={styles.chart} data-testid="insights-chart-months">
          <VerticalBarChart
            chartTitle={t('insights.perMonth')}
            data={months}
            height={CHART_HEIGHT}
            hideLegend
            useSingleColor
            colors={BAR_COLORS}
            barWidth="auto"
            maxBarWidth={MAX_BAR_WIDTH}
            wrapXAxisLables
            roundCorners
            xAxisCategoryOrder="data"
          />
        </div>
      </section>

      <section className={styles.section} aria-labelledby={`${headingId}-teams`}>
        <h3 id={`${headingId}-teams`} className={styles.sectionHeading}>
          {t('insights.perTeam')}
        </h3>
        {insights.teams.length > TEAM_CHART_MAX ? (
          <p className={styles.note}>{t('insights.topTeams', { count: TEAM_CHART_MAX })}</p>
        ) : null}
        <div className={styles.labelledChart} data-testid="insights-chart-teams">
          <HorizontalBarChartWithAxis
            chartTitle={t('insights.perTeam')}
            data={teams}
            height={Math.max(CHART_HEIGHT / 2, (shownTeams.length + 1) * BAR_ROW_HEIGHT)}
            hideLegend
            useSingleColor
            colors={BAR_COLORS}
            showYAxisLables
            tickValues={wholeTicks(mostPerTeam)}
            roundCorners
            yAxisCategoryOrder="data"
          />
        </div>
      </section>

      <section className={styles.section} aria-labelledby={`${headingId}-categories`}>
        <h3 id={`${headingId}-categories`} className={styles.sectionHeading}>
          {t('insights.perCategory')}
        </h3>
        <div className={styles.chart} data-testid="insights-chart-categories">
          <DonutChart
            // No `chartTitle`: it would repeat the section's heading inside the chart.
            data={{ chartData: categories }}
            height={CHART_HEIGHT}
            innerRadius={CHART_HEIGHT / 5}
            valueInsideDonut={number.format(insights.total)}
            hideLabels={false}
            legendProps={{ styles: { legend: styles.legend } }}
          />
        </div>
      </section>
    </div>
  );
}

const PALETTE = Object.values(DataVizPalette).filter((token) => token.startsWith('qualitative.'));

function paletteColor(index: number): string {
  return PALETTE[index % PALETTE.length] ?? DataVizPalette.color1;
}

/** Ticks of a count axis from 0 to `max`: whole numbers only, at most `MAX_TICKS` + 1 of them. */
function wholeTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / MAX_TICKS));
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}
