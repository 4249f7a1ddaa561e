/** Site-wide settings that pages need; validated where they are read (CLI / environment). */
export interface SiteConfig {
  siteName: string;
  /** Absolute base URL without trailing slash, for canonical links, sitemaps and feeds. */
  baseUrl: string;
  /** Shown in urgent-help notices; "your local emergency number" unless configured. */
  emergencyNumber: string;
  disclaimer: string;
  reviewIntervalMonths: number;
  /** Today's date (YYYY-MM-DD); injectable so pages and tests agree on "overdue". */
  today: () => string;
}

export const DEFAULT_DISCLAIMER =
  'This page gives general information, not medical advice. It cannot take your own health into account. ' +
  'Talk to a doctor, nurse or pharmacist about your own situation. If you think it is an emergency, call your local emergency number.';

export function defaultSiteConfig(overrides: Partial<SiteConfig> = {}): SiteConfig {
  return {
    siteName: 'MedBrief',
    baseUrl: 'http://localhost:3000',
    emergencyNumber: 'your local emergency number',
    disclaimer: DEFAULT_DISCLAIMER,
    reviewIntervalMonths: 12,
    today: () => new Date().toISOString().slice(0, 10),
    ...overrides,
  };
}
