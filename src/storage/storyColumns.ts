import type { FeaturedPerson, Story, StoryReport, StoryStatus } from '../domain/story.js';
import { teamKey } from '../domain/teams.js';
import type { Locale } from '../domain/user.js';
import { approvalFromColumn, approvalToColumn, legacyApproval } from './approvalColumn.js';
import {
  bool,
  CorruptRowError,
  date,
  num,
  opt,
  optNum,
  optDate,
  optStr,
  str,
  type Row,
} from './entityFields.js';

const STATUSES: readonly StoryStatus[] = [
  'pending',
  'changes_requested',
  'published',
  'rejected',
  'withdrawn',
  'archived',
  'hidden',
];
const LOCALES: readonly Locale[] = ['en', 'fi'];

/** A customer account's name as the wall's filter compares it: trimmed, in lower case. */
export function accountKeyOf(accountName: string): string {
  return accountName.trim().toLowerCase();
}

/**
 * A story as table columns. The same columns are used for the aggregate row and for the
 * snapshots in the wall and the approval queues, so one read yields a whole story.
 */
export function storyColumns(story: Story): Record<string, unknown> {
  return {
    tenantId: story.tenantId,
    storyId: story.id,
    title: story.title,
    situation: story.situation,
    action: story.action,
    outcome: story.outcome,
    lesson: story.lesson,
    team: story.team,
    // The team as filters match it: "sales" finds "Sales" (OData compares strings exactly).
    teamKey: teamKey(story.team),
    category: story.category,
    // Table Storage has no list type; a JSON string keeps the people and their names together.
    featured: JSON.stringify(
      story.featured.map((p) => ({
        id: p.id,
        displayName: p.displayName,
        ...(p.awaiting ? { awaiting: true } : {}),
      })),
    ),
    ...opt('customerQuote', story.customerQuote),
    ...opt('sourceUrl', story.sourceUrl),
    ...opt('accountName', story.accountName),
    // The account as the wall's filter matches it, as `teamKey` is for the team.
    ...opt(
      'accountKey',
      story.accountName !== undefined ? accountKeyOf(story.accountName) : undefined,
    ),
    ...opt('crmUrl', story.crmUrl),
    consent: story.consent,
    locale: story.locale,
    authorId: story.authorId,
    authorName: story.authorName,
    status: story.status,
    approval: approvalToColumn(story.approval),
    ...opt('decisionComment', story.decisionComment),
    ...opt('decidedBy', story.decidedBy),
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    ...opt('publishedAt', story.publishedAt),
    voteCount: story.voteCount,
    learnedCount: story.learnedCount,
    revision: story.revision,
  };
}

/**
 * A story's open reports (moderation) as one JSON column, written only on the story row and its
 * moderation row: the wall, queue and author snapshots leave them out (they name the reporters).
 * Absent when the story was never reported; `[]` once its reports were resolved.
 */
export function reportsColumn(story: Story): Record<string, unknown> {
  return opt(
    'reports',
    story.reports
      ? JSON.stringify(
          story.reports.map((r) => ({
            reporterId: r.reporterId,
            reporterName: r.reporterName,
            reason: r.reason,
            at: r.at.toISOString(),
          })),
        )
      : undefined,
  );
}

/** The revision of a story row or snapshot; rows written before revisions existed read 0. */
export function revisionOf(row: Row): number {
  return optNum(row, 'revision') ?? 0;
}

/** The story stored by `storyColumns`. */
export function storyFromRow(row: Row): Story {
  const status = str(row, 'status');
  const locale = str(row, 'locale');
  if (!STATUSES.includes(status as StoryStatus)) throw new CorruptRowError('Unknown status.');
  if (!LOCALES.includes(locale as Locale)) throw new CorruptRowError('Unknown locale.');
  const customerQuote = optStr(row, 'customerQuote');
  const sourceUrl = optStr(row, 'sourceUrl');
  const accountName = optStr(row, 'accountName');
  const crmUrl = optStr(row, 'crmUrl');
  const decisionComment = optStr(row, 'decisionComment');
  const decidedBy = optStr(row, 'decidedBy');
  const publishedAt = optDate(row, 'publishedAt');
  const reports = optStr(row, 'reports');
  return {
    tenantId: str(row, 'tenantId'),
    id: str(row, 'storyId'),
    title: str(row, 'title'),
    situation: str(row, 'situation'),
    action: str(row, 'action'),
    outcome: str(row, 'outcome'),
    lesson: str(row, 'lesson'),
    team: str(row, 'team'),
    category: str(row, 'category'),
    featured: parseFeatured(str(row, 'featured')),
    ...(customerQuote !== undefined ? { customerQuote } : {}),
    ...(sourceUrl !== undefined ? { sourceUrl } : {}),
    ...(accountName !== undefined ? { accountName } : {}),
    ...(crmUrl !== undefined ? { crmUrl } : {}),
    consent: bool(row, 'consent'),
    locale: locale as Locale,
    authorId: str(row, 'authorId'),
    authorName: str(row, 'authorName'),
    status: status as StoryStatus,
    approval: approvalOf(row),
    ...(decisionComment !== undefined ? { decisionComment } : {}),
    ...(decidedBy !== undefined ? { decidedBy } : {}),
    createdAt: date(row, 'createdAt'),
    updatedAt: date(row, 'updatedAt'),
    ...(publishedAt !== undefined ? { publishedAt } : {}),
    voteCount: num(row, 'voteCount'),
    // Stories stored before "I learned from this" have no column: nobody had said so.
    learnedCount: optNum(row, 'learnedCount') ?? 0,
    revision: revisionOf(row),
    ...(reports !== undefined ? { reports: parseReports(reports) } : {}),
  };
}

function parseReports(json: string): StoryReport[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) throw new CorruptRowError('reports is not a list.');
  return parsed.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) throw new CorruptRowError('Bad report.');
    const { reporterId, reporterName, reason, at } = item as Record<string, unknown>;
    const when = typeof at === 'string' ? new Date(at) : undefined;
    if (
      typeof reporterId !== 'string' ||
      typeof reporterName !== 'string' ||
      typeof reason !== 'string' ||
      !when ||
      Number.isNaN(when.getTime())
    ) {
      throw new CorruptRowError('Bad report.');
    }
    return { reporterId, reporterName, reason, at: when };
  });
}

function parseFeatured(json: string): FeaturedPerson[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed)) throw new CorruptRowError('featured is not a list.');
  return parsed.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) throw new CorruptRowError('Bad featured.');
    const { id, displayName, awaiting } = item as Record<string, unknown>;
    if (
      typeof id !== 'string' ||
      typeof displayName !== 'string' ||
      (awaiting !== undefined && awaiting !== true)
    ) {
      throw new CorruptRowError('Bad featured person.');
    }
    return { id, displayName, ...(awaiting ? { awaiting } : {}) };
  });
}

/** The approval column; a row from before approval policies names its one approver instead. */
function approvalOf(row: Row): Story['approval'] {
  const json = optStr(row, 'approval');
  if (json !== undefined) return approvalFromColumn(json);
  return legacyApproval(str(row, 'approverId'), date(row, 'createdAt'));
}
