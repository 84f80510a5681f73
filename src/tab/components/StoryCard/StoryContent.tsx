import { Avatar, Link, mergeClasses } from '@fluentui/react-components';
import type { StoryDto } from '../../../shared/dto.js';
import { safeWebUrl } from '../../format.js';
import { useStoryContentStyles } from './StoryCard.styles.js';
import { useT } from '../../hooks/useT.js';

export interface StoryContentProps {
  story: StoryDto;
  /** On the wall long texts are clamped; the detail view shows them whole. */
  clamped: boolean;
}

/**
 * The body of a story — situation → action → outcome, the lesson, customer praise, featured
 * colleagues and the source link — shared by the wall's card and the detail view. Every user
 * text is a React text node; the link is emitted only for http(s) addresses.
 */
export function StoryContent({ story, clamped }: StoryContentProps) {
  const styles = useStoryContentStyles();
  const t = useT();
  const text = mergeClasses(styles.text, clamped && styles.clamped);
  const sourceUrl = safeWebUrl(story.sourceUrl);
  // The CRM record is for the detail view; the wall's card names the account only.
  const crmUrl = clamped ? undefined : safeWebUrl(story.crmUrl);

  const steps = [
    { key: 'situation', label: t('story.situation'), value: story.situation },
    { key: 'action', label: t('story.action'), value: story.action },
    { key: 'outcome', label: t('story.outcome'), value: story.outcome },
  ] as const;

  return (
    <>
      <dl className={styles.steps}>
        {steps.map((step) => (
          <div key={step.key} className={styles.step}>
            <dt className={styles.label}>{step.label}</dt>
            <dd className={text} data-testid={`story-${step.key}`}>
              {step.value}
            </dd>
          </div>
        ))}
      </dl>

      {/*
        Not a landmark: a region per card would fill the landmark list with a "Lesson" for every
        story on the wall. Its visible label is read with it instead.
      */}
      <div className={styles.lesson}>
        <span className={mergeClasses(styles.label, styles.lessonLabel)}>{t('story.lesson')}</span>
        <p className={mergeClasses(text, styles.lessonText)} data-testid="story-lesson">
          {story.lesson}
        </p>
      </div>

      {story.customerQuote ? (
        <figure className={styles.figure}>
          <figcaption className={styles.label}>{t('story.customerPraise')}</figcaption>
          <blockquote className={mergeClasses(styles.quote, text)} data-testid="story-quote">
            {story.customerQuote}
          </blockquote>
        </figure>
      ) : null}

      {story.accountName || crmUrl ? (
        <div className={styles.step}>
          <span className={styles.label}>{t('story.account')}</span>
          {story.accountName ? <span data-testid="story-account">{story.accountName}</span> : null}
          {crmUrl ? (
            <Link href={crmUrl} target="_blank" rel="noopener noreferrer" data-testid="story-crm">
              {t('story.openInCrm')}
            </Link>
          ) : null}
        </div>
      ) : null}

      {story.featured.length > 0 ? (
        <div className={styles.step}>
          <span className={styles.label} id={`featured-${story.id}`}>
            {t('story.featured')}
          </span>
          <ul
            className={styles.featured}
            aria-labelledby={`featured-${story.id}`}
            data-testid="story-featured"
          >
            {story.featured.map((person) => (
              <li key={person.id} className={styles.person}>
                <Avatar name={person.displayName} size={24} color="colorful" aria-hidden />
                <span>{person.displayName}</span>
                {person.awaitingConfirmation ? (
                  <span className={styles.awaiting} data-testid="story-featured-awaiting">
                    ({t('story.featuredAwaiting')})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {sourceUrl ? (
        <Link href={sourceUrl} target="_blank" rel="noopener noreferrer" data-testid="story-source">
          {t('story.source')}
        </Link>
      ) : null}
    </>
  );
}
