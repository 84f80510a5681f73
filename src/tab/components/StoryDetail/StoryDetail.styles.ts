import { makeStyles, tokens } from '@fluentui/react-components';

export const useStoryDetailStyles = makeStyles({
  content: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground3,
  },
  author: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  votes: {
    marginLeft: 'auto',
  },
});
