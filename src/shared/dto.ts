/**
 * The wire contract between the API and the tab: types, constants and the pure personal data
 * check, so the tab bundle carries no validation library. Each concept is declared once in its
 * module under `dto/`; this file gathers them, so the tab and the API import one path. Runtime
 * schemas for the same shapes are in `schemas.ts`.
 */

export * from './dto/story.js';
export * from './dto/limits.js';
export * from './dto/people.js';
export * from './dto/approval.js';
export * from './dto/awards.js';
export * from './dto/collections.js';
export * from './dto/insights.js';
export * from './dto/settings.js';
export * from './dto/digests.js';
export * from './dto/history.js';
export * from './dto/moderation.js';
export * from './dto/erasure.js';
export * from './dto/apiKeys.js';
export * from './dto/webhooks.js';
export * from './dto/errors.js';

/**
 * The personal data check of a story's texts (`personalData.ts`), re-exported here because the
 * tab imports only this file: pure and dependency-free, so it adds no library to the bundle.
 */
export {
  findPersonalData,
  findStoryPersonalData,
  PERSONAL_DATA_FIELDS,
  PERSONAL_DATA_KINDS,
} from './personalData.js';
export type {
  FieldPersonalData,
  PersonalDataField,
  PersonalDataFinding,
  PersonalDataKind,
} from './personalData.js';

/** The team names rule (`teams.ts`): one team whatever its case, for Settings and the forms. */
export { repeatedTeam, sameTeamKey } from './teams.js';

/**
 * The story coach (`storyCoach.ts`), re-exported here for the same reason: the tab's form and the
 * bot's form card run the same rules.
 */
export {
  coachStory,
  STORY_COACH_FIELDS,
  STORY_COACH_HINTS,
  STORY_COACH_MAX_CHARS,
  STORY_PARTS,
  STORY_QUALITIES,
} from './storyCoach.js';
export type {
  StoryCoachField,
  StoryCoachHint,
  StoryCoachHintCode,
  StoryCoachInput,
  StoryCoaching,
  StoryPart,
  StoryPartVerdict,
  StoryQuality,
} from './storyCoach.js';
