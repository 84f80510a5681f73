/**
 * Durations as people enter them ("2 days") and as the settings document keeps them (ISO 8601,
 * `P2D`). The API accepts weeks, days, hours and minutes from one minute to 366 days.
 */

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const UNIT_MINUTES: Record<DurationUnit, number> = {
  minutes: 1,
  hours: 60,
  days: 24 * 60,
  weeks: 7 * 24 * 60,
};

const MAX_MINUTES = 366 * 24 * 60;

/** A duration as its input shows it: the typed amount, and the chosen unit. */
export interface DurationDraft {
  amount: string;
  unit: DurationUnit;
}

const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Whole minutes of an ISO 8601 duration, or undefined for what the API would not have sent. */
export function minutesOf(iso: string): number | undefined {
  const match = ISO.exec(iso.trim());
  if (!match || iso.trim() === 'P' || iso.trim().endsWith('T')) return undefined;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return (
    (weeks ?? 0) * UNIT_MINUTES.weeks +
    (days ?? 0) * UNIT_MINUTES.days +
    (hours ?? 0) * UNIT_MINUTES.hours +
    (minutes ?? 0) +
    Math.round((seconds ?? 0) / 60)
  );
}

/** `P2D` → 2 days; `PT90M` → 90 minutes: the largest unit that says it exactly. */
export function draftOfIso(iso: string | undefined, fallback: DurationDraft): DurationDraft {
  const minutes = iso === undefined ? undefined : minutesOf(iso);
  if (minutes === undefined || minutes <= 0) return fallback;
  const unit =
    [...DURATION_UNITS].reverse().find((u) => minutes % UNIT_MINUTES[u] === 0) ?? 'minutes';
  return { amount: String(minutes / UNIT_MINUTES[unit]), unit };
}

/** What is wrong with an entered duration, if anything. */
export function durationProblem(draft: DurationDraft): 'invalid' | 'range' | undefined {
  if (!/^\d{1,6}$/.test(draft.amount.trim())) return 'invalid';
  const minutes = Number(draft.amount.trim()) * UNIT_MINUTES[draft.unit];
  if (minutes < 1 || minutes > MAX_MINUTES) return 'range';
  return undefined;
}

/** 2 days → `P2D`; 36 hours → `P1DT12H`; undefined when the entry is not valid. */
export function isoOfDraft(draft: DurationDraft): string | undefined {
  if (durationProblem(draft)) return undefined;
  const total = Number(draft.amount.trim()) * UNIT_MINUTES[draft.unit];
  const days = Math.floor(total / UNIT_MINUTES.days);
  const hours = Math.floor((total % UNIT_MINUTES.days) / UNIT_MINUTES.hours);
  const minutes = total % UNIT_MINUTES.hours;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}
