import type { CollectionsDeps } from './ports.js';
import { spend, unlimited, type ActionLimiter } from './rateLimits.js';
import {
  createCollection,
  deleteCollection,
  getCollection,
  listCollections,
  updateCollection,
  type CollectionInput,
  type CollectionUpdate,
} from './useCases/collections.js';
import type { Actor } from './user.js';

/** The training-collection use cases bound to their dependencies; what the API calls. */
export function createCollectionsService(deps: CollectionsDeps, limits: ActionLimiter = unlimited) {
  return {
    listCollections: (actor: Actor) => listCollections(deps, actor),
    getCollection: (actor: Actor, id: string) => getCollection(deps, actor, id),
    createCollection: async (actor: Actor, input: CollectionInput) => {
      await spend(limits, actor, 'config');
      return createCollection(deps, actor, input);
    },
    updateCollection: async (actor: Actor, id: string, input: CollectionUpdate) => {
      await spend(limits, actor, 'config');
      return updateCollection(deps, actor, id, input);
    },
    deleteCollection: async (actor: Actor, id: string) => {
      await spend(limits, actor, 'config');
      return deleteCollection(deps, actor, id);
    },
  };
}

export type CollectionsService = ReturnType<typeof createCollectionsService>;
export type { CollectionInput, CollectionUpdate };
