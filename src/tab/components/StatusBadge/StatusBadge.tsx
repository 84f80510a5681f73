import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { StoryStatusDto } from '../../../shared/dto.js';
import { useT } from '../../hooks/useT.js';

/**
 * One colour per status, so a list of them scans at a glance; the text says the same, for those
 * who do not see the colour (and in high contrast, where it is gone).
 */
const STATUS_COLORS: Record<StoryStatusDto, NonNullable<BadgeProps['color']>> = {
  pending: 'informative',
  changes_requested: 'warning',
  published: 'success',
  rejected: 'danger',
  withdrawn: 'subtle',
  archived: 'subtle',
  hidden: 'severe',
};

export interface StatusBadgeProps {
  status: StoryStatusDto;
  'data-testid'?: string;
}

/** A story's status as a localized badge ("Waiting for approval", "Published", …). */
export function StatusBadge({ status, 'data-testid': testId }: StatusBadgeProps) {
  const t = useT();
  return (
    <Badge
      appearance="tint"
      color={STATUS_COLORS[status]}
      shape="rounded"
      data-status={status}
      data-testid={testId}
    >
      {t(`story.status.${status}`)}
    </Badge>
  );
}
