/**
 * Approvals on the wire: where a story is in its approval, the approval policy of Settings, and
 * delegations.
 */

import type { GrantableRoleDto } from './people.js';
import type { CategoryId } from './story.js';

/** One person asked to decide in the current stage. */
export interface ApprovalSlotDto {
  id: string;
  displayName: string;
  /** When they approved (an `all` stage shows who has approved so far). */
  approvedAt?: string;
  /** Whom they stand in for: delegated, reassigned or escalated from. */
  onBehalfOf?: string;
}

/** Why a stage went to the fallback approvers. */
export type FallbackReasonDto =
  'no_manager' | 'directory_unavailable' | 'no_group' | 'no_one_eligible' | 'escalation';

/** Where a story is in its approval: "stage 1 of 2", who is asked, since when. */
export interface ApprovalDto {
  /** 1-based. */
  stage: number;
  stages: number;
  mode: StageModeDto;
  approvers: ApprovalSlotDto[];
  /** When the current stage started. */
  waitingSince: string;
  fallback?: FallbackReasonDto;
  /** The story went back to its author because nobody decided in time. */
  expired?: boolean;
  /** The settings version the story's plan came from. */
  policyVersion: number;
}

export const STAGE_MODES = ['any', 'all'] as const;
export type StageModeDto = (typeof STAGE_MODES)[number];

/** Who approves in a stage (`GET/PUT /api/settings`). */
export type ApproverSpecDto =
  | { kind: 'manager' }
  | { kind: 'people'; ids: string[] }
  | { kind: 'group'; groupId: string }
  | { kind: 'role'; role: GrantableRoleDto };

export interface PolicyStageDto {
  approvers: ApproverSpecDto;
  mode: StageModeDto;
}

/** The approval policy; durations are ISO 8601 (`P2D`, `PT1H`), at least `PT1M`. */
export interface ApprovalPolicyDto {
  stages: PolicyStageDto[];
  fallback: ApproverSpecDto;
  remindAfter?: string;
  escalateAfterReminders?: number;
  expireAfter?: string;
  /** Other stages for stories of some categories. */
  byCategory?: Partial<Record<CategoryId, { stages: PolicyStageDto[] }>>;
}

/** "While I'm away, send my approvals to …" (`/api/delegations`). */
export interface DelegationDto {
  userId: string;
  delegateId: string;
  /** ISO 8601 instants; `until` is exclusive. */
  from: string;
  until: string;
  setBy: string;
}

export interface DelegationsDto {
  items: DelegationDto[];
}
