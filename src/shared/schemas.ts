/**
 * The runtime schemas of every input, with their size limits (`LIMITS`): one module a concept
 * under `schemas/`, gathered here so the API and the bot import one path. The tab never imports
 * them (they pull in zod); it sees the wire input types of `inputs.ts` instead.
 */

export { BIDI_CONTROLS } from './schemas/fields.js';
export * from './schemas/story.js';
export * from './schemas/moderation.js';
export * from './schemas/insights.js';
export * from './schemas/awards.js';
export * from './schemas/collections.js';
export * from './schemas/approval.js';
export * from './schemas/settings.js';
export * from './schemas/people.js';
export * from './schemas/apiKeys.js';
export * from './schemas/webhooks.js';
export * from './schemas/params.js';
export * from './schemas/contract.js';
