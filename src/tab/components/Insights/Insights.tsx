import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Switch,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useAppContext } from '../../appContext.js';
import { useT } from '../../hooks/useT.js';
import { LoadError } from '../LoadError/LoadError.js';
import { ExportButton } from '../ExportButton/ExportButton.js';
import { InsightsCharts } from './InsightsCharts.js';
import { InsightsTables } from './InsightsTables.js';
import {
  DEFAULT_RANGE,
  RANGE_CHOICES,
  isEmpty,
  lastMonths,
  monthLabel,
  type RangeChoice,
} from './insightsModel.js';
import { useInsightsStyles } from './Insights.styles.js';
import { useInsights } from './useInsights.js';

export interface InsightsProps {
  onClose: () => void;
}

/**
 * Insight for editors and admins (journey 11): published stories per month, team and category
 * over the last 3, 6 or 12 months, as charts or — for screen readers and exact numbers — tables.
 * The charts library lives in this lazily loaded chunk only.
 */
export function Insights({ onClose }: InsightsProps) {
  const styles = useInsightsStyles();
  const t = useT();
  const { api, language } = useAppContext();
  const [months, setMonths] = useState<RangeChoice>(DEFAULT_RANGE);
  const [asTables, setAsTables] = useState(false);
  // The range is fixed when chosen, so a re-render never asks for a new month mid-view.
  const range = useMemo(() => lastMonths(months, new Date()), [months]);
  const state = useInsights(api, range.from, range.to);

  return (
    <Dialog open onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface} data-testid="insights">
        <DialogBody>
          <DialogTitle>{t('insights.heading')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1 as="p" className={styles.intro}>
              {t('insights.intro')}
            </Body1>
            <div className={styles.toolbar}>
              <Field label={t('insights.range')}>
                <RadioGroup
                  layout="horizontal"
                  value={String(months)}
                  onChange={(_, data) =>
                    setMonths(RANGE_CHOICES.find((m) => String(m) === data.value) ?? DEFAULT_RANGE)
                  }
                  data-testid="insights-range"
                >
                  {RANGE_CHOICES.map((choice) => (
                    <Radio
                      key={choice}
                      value={String(choice)}
                      label={t(`insights.last${choice}`)}
                      data-testid={`insights-range-${choice}`}
                    />
                  ))}
                </RadioGroup>
              </Field>
              <Switch
                label={t('insights.showTables')}
                checked={asTables}
                onChange={(_, data) => setAsTables(data.checked)}
                data-testid="insights-as-tables"
              />
            </div>

            {state.status === 'loading' ? (
              <Spinner label={t('insights.loading')} data-testid="insights-loading" />
            ) : state.status === 'error' ? (
              <LoadError
                message="insights.error"
                error={state.error}
                onRetry={state.retry}
                testId="insights-error"
              />
            ) : isEmpty(state.insights) ? (
              <div className={styles.empty} data-testid="insights-empty">
                <Subtitle2 as="p" className={styles.emptyText}>
                  {t('insights.empty')}
                </Subtitle2>
                <Body1 as="p" className={styles.emptyText}>
                  {t('insights.emptyHint')}
                </Body1>
              </div>
            ) : (
              <>
                <div className={styles.summary}>
                  <Subtitle2 as="p" className={styles.total} data-testid="insights-total">
                    {t('insights.total', {
                      count: state.insights.total,
                      from: monthLabel(state.insights.from, language),
                      to: monthLabel(state.insights.to, language),
                    })}
                  </Subtitle2>
                  <Body1 as="p" className={styles.lag}>
                    {t('insights.lag')}
                  </Body1>
                </div>
                {asTables ? (
                  <InsightsTables insights={state.insights} />
                ) : (
                  <InsightsCharts insights={state.insights} />
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <ExportButton
              label={t('exports.insights')}
              load={() => api.exportInsights(range)}
              testId="insights-export-counts"
            />
            <ExportButton
              label={t('exports.wall')}
              load={() => api.exportWall({})}
              testId="insights-export-stories"
            />
            <Button appearance="secondary" onClick={onClose} data-testid="insights-close">
              {t('insights.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
