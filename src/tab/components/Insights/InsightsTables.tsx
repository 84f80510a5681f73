import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import type { InsightsDto } from '../../../shared/dto.js';
import { useAppContext } from '../../appContext.js';
import { useT } from '../../hooks/useT.js';
import { knownCategory, monthLabel } from './insightsModel.js';
import { useInsightsStyles } from './Insights.styles.js';

export interface InsightsTablesProps {
  insights: InsightsDto;
}

/** The same counts as the charts, as tables: for screen readers, and for reading exact numbers. */
export function InsightsTables({ insights }: InsightsTablesProps) {
  const t = useT();
  const { language } = useAppContext();
  const number = new Intl.NumberFormat(language);
  return (
    <div data-testid="insights-tables">
      <CountTable
        caption={t('insights.perMonth')}
        label={t('insights.month')}
        testId="insights-table-months"
        rows={insights.months.map(({ month, count }) => ({
          key: month,
          name: monthLabel(month, language),
          count: number.format(count),
        }))}
      />
      <CountTable
        caption={t('insights.perTeam')}
        label={t('insights.team')}
        testId="insights-table-teams"
        rows={insights.teams.map(({ team, count }) => ({
          key: team,
          name: team,
          count: number.format(count),
        }))}
      />
      <CountTable
        caption={t('insights.perCategory')}
        label={t('insights.category')}
        testId="insights-table-categories"
        rows={insights.categories.map(({ category, count }) => {
          const known = knownCategory(category);
          return {
            key: category,
            name: known ? t(`category.${known}`) : category,
            count: number.format(count),
          };
        })}
      />
    </div>
  );
}

function CountTable(props: {
  caption: string;
  label: string;
  testId: string;
  rows: { key: string; name: string; count: string }[];
}) {
  const styles = useInsightsStyles();
  const t = useT();
  return (
    <Table className={styles.table} size="small" data-testid={props.testId}>
      <caption className={styles.caption}>{props.caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{props.label}</TableHeaderCell>
          <TableHeaderCell scope="col" className={styles.countCell}>
            {t('insights.count')}
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((row) => (
          <TableRow key={row.key} data-testid="insights-row">
            <TableCell data-testid="insights-row-name">{row.name}</TableCell>
            <TableCell className={styles.countCell} data-testid="insights-row-count">
              {row.count}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
