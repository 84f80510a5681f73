import {
  clearDelegation,
  listDelegations,
  setDelegation,
  type DelegationDeps,
  type DelegationInput,
} from './useCases/delegations.js';
import {
  getSettings,
  saveSettings,
  type SettingsDeps,
  type SettingsInput,
} from './useCases/settings.js';
import type { Actor } from './user.js';
import { spend, unlimited, type ActionLimiter } from './rateLimits.js';

/** The settings (journey 11) and delegation use cases, bound to their dependencies. */
export function createSettingsService(
  deps: SettingsDeps & DelegationDeps,
  limits: ActionLimiter = unlimited,
) {
  return {
    getSettings: (actor: Actor) => getSettings(deps, actor),
    saveSettings: async (actor: Actor, input: SettingsInput) => {
      await spend(limits, actor, 'config');
      return saveSettings(deps, actor, input);
    },
    setDelegation: async (actor: Actor, input: DelegationInput) => {
      await spend(limits, actor, 'config');
      return setDelegation(deps, actor, input);
    },
    clearDelegation: async (actor: Actor, userId?: string) => {
      await spend(limits, actor, 'config');
      return clearDelegation(deps, actor, userId);
    },
    listDelegations: (actor: Actor) => listDelegations(deps, actor),
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
export type { DelegationInput, SettingsInput };
