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

/** The settings (journey 11) and delegation use cases, bound to their dependencies. */
export function createSettingsService(deps: SettingsDeps & DelegationDeps) {
  return {
    getSettings: (actor: Actor) => getSettings(deps, actor),
    saveSettings: (actor: Actor, input: SettingsInput) => saveSettings(deps, actor, input),
    setDelegation: (actor: Actor, input: DelegationInput) => setDelegation(deps, actor, input),
    clearDelegation: (actor: Actor, userId?: string) => clearDelegation(deps, actor, userId),
    listDelegations: (actor: Actor) => listDelegations(deps, actor),
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
export type { DelegationInput, SettingsInput };
