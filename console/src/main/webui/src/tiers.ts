/** The alert tiers, most urgent first, with what each asks of the clinic (triage-rules.md). */
export const TIERS = ['EMERGENCY', 'URGENT', 'SOON', 'ADVISORY'] as const;
export type TierName = (typeof TIERS)[number];

export const TIER_MEANING: Record<TierName, string> = {
  EMERGENCY: 'Emergency department now',
  URGENT: 'Clinic calls today',
  SOON: 'Review within 7 days',
  ADVISORY: 'Change of exercise',
};

export function tierRank(tier: string | undefined): number {
  const i = TIERS.indexOf(tier as TierName);
  return i < 0 ? TIERS.length : i;
}
