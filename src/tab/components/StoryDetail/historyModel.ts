import type { HistoryEventDto, HistoryTypeDto } from '../../../shared/dto.js';
import { personName } from '../../format.js';
import type { Translate } from '../../hooks/useT.js';

/** One event of the timeline as people read it. */
export interface TimelineEntry {
  /** Stable within one history: the position in time order and the type. */
  key: string;
  type: HistoryTypeDto;
  at: string;
  /** "Approved", "Sent for approval", … */
  title: string;
  /** Who did it, for what people do; absent for what follows from it (routing, publishing). */
  actor?: string;
  /** In Teams chat, in Story Wall, through the API, automatically. */
  surface: string;
  /** The facts: to whom, why, stage n of m, the comment. */
  lines: string[];
  comment?: string;
}

/** Events that are people's own acts; the rest follow from them or from the scheduler. */
const ACTS: ReadonlySet<HistoryTypeDto> = new Set([
  'submitted',
  'approved',
  'changes_requested',
  'rejected',
  'resubmitted',
  'withdrawn',
  'archived',
  'reassigned',
  'hidden',
  'restored',
  'edited',
  'reports_dismissed',
  'awarded',
]);

type Detail = HistoryEventDto['detail'];

function names(value: Detail[string] | undefined): string[] {
  if (Array.isArray(value)) return value.filter((name) => name !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** `Mikko and Eeva` / `Mikko or Eeva`, in the UI language. */
function list(people: string[], language: string, type: 'conjunction' | 'disjunction'): string {
  return new Intl.ListFormat(language, { style: 'long', type }).format(people);
}

function stageLine(detail: Detail, t: Translate): string | undefined {
  const { stage, stages } = detail;
  // A one-stage policy has nothing to count.
  if (typeof stage !== 'number' || typeof stages !== 'number' || stages < 2) return undefined;
  return t('history.stage', { stage, stages });
}

function linesOf(event: HistoryEventDto, t: Translate, language: string): string[] {
  const { detail } = event;
  const lines: (string | undefined)[] = [];
  const and = (value: Detail[string] | undefined) => list(names(value), language, 'conjunction');
  switch (event.type) {
    case 'routed': {
      const approvers = names(detail['approvers']);
      const mode = detail['mode'] === 'all' ? 'all' : 'any';
      lines.push(stageLine(detail, t));
      if (approvers.length > 0) {
        lines.push(
          approvers.length === 1
            ? t('history.routedTo', { names: approvers[0] ?? '' })
            : mode === 'all'
              ? t('history.routedToAll', { names: list(approvers, language, 'conjunction') })
              : t('history.routedToAny', { names: list(approvers, language, 'disjunction') }),
        );
      }
      const fallback = detail['fallback'];
      if (typeof fallback === 'string' && isFallback(fallback)) {
        lines.push(t('history.fallback', { reason: t(`history.fallbackReason.${fallback}`) }));
      }
      break;
    }
    case 'delegated':
      lines.push(
        t('history.delegatedFromTo', { from: and(detail['from']), to: and(detail['to']) }),
      );
      break;
    case 'reassigned':
      lines.push(
        names(detail['from']).length > 0
          ? t('history.reassignedFromTo', { from: and(detail['from']), to: and(detail['to']) })
          : t('history.reassignedTo', { to: and(detail['to']) }),
      );
      break;
    case 'escalated':
      lines.push(stageLine(detail, t));
      lines.push(
        t('history.escalatedFromTo', { from: and(detail['from']), to: and(detail['to']) }),
      );
      break;
    case 'reminded':
      lines.push(stageLine(detail, t));
      lines.push(
        t('history.remindedWho', {
          names: and(detail['approvers']),
          number: typeof detail['reminder'] === 'number' ? detail['reminder'] : 1,
        }),
      );
      break;
    case 'edited': {
      const fields = names(detail['fields']).filter(isCorrectedField);
      if (fields.length > 0) {
        const labels = fields.map((field) => t(`form.fields.${field}`));
        lines.push(t('history.editedFields', { fields: list(labels, language, 'conjunction') }));
      }
      lines.push(reportsLine(detail, t));
      break;
    }
    case 'hidden':
    case 'reports_dismissed':
      lines.push(reportsLine(detail, t));
      break;
    case 'expired':
      lines.push(stageLine(detail, t));
      if (names(detail['approvers']).length > 0) {
        lines.push(t('history.expiredWaiting', { names: and(detail['approvers']) }));
      }
      break;
    case 'approved':
    case 'changes_requested':
    case 'rejected':
      lines.push(stageLine(detail, t));
      break;
    default:
      break;
  }
  if (detail['override'] === true) lines.push(t('history.override'));
  return lines.filter((line): line is string => line !== undefined);
}

const CORRECTED_FIELDS = [
  'title',
  'situation',
  'action',
  'outcome',
  'lesson',
  'customerQuote',
] as const;
type CorrectedField = (typeof CORRECTED_FIELDS)[number];
function isCorrectedField(value: string): value is CorrectedField {
  return (CORRECTED_FIELDS as readonly string[]).includes(value);
}

/** How many reports a moderation action closed; none is not worth a line. */
function reportsLine(detail: Detail, t: Translate): string | undefined {
  const count = detail['reports'];
  return typeof count === 'number' && count > 0 ? t('history.reportsClosed', { count }) : undefined;
}

const FALLBACKS = [
  'no_manager',
  'directory_unavailable',
  'no_group',
  'no_one_eligible',
  'escalation',
] as const;
type Fallback = (typeof FALLBACKS)[number];
function isFallback(value: string): value is Fallback {
  return (FALLBACKS as readonly string[]).includes(value);
}

/**
 * A story's history (the API gives it newest first) as a timeline in the order it happened,
 * each event in words: what, who, where, and its facts.
 */
export function timelineOf(
  events: readonly HistoryEventDto[],
  t: Translate,
  language: string,
): TimelineEntry[] {
  // Reversed rather than sorted: events of one change share their instant, and the API's
  // order already says which came first.
  return [...events].reverse().map((event, index) => {
    const comment = event.detail['comment'];
    return {
      key: `${index}-${event.type}`,
      type: event.type,
      at: event.at,
      title: t(`history.type.${event.type}`),
      ...(ACTS.has(event.type) ? { actor: personName(event.actor, t) } : {}),
      surface: t(`history.surface.${event.surface}`),
      lines: linesOf(event, t, language),
      ...(typeof comment === 'string' && comment !== '' ? { comment } : {}),
    };
  });
}
