/**
 * Publishers that imported answers name by code (MedQuAD's `source` attribute), with the sites
 * they stand for. Pages, the API and importers all take names from here.
 */
export const PUBLISHERS: Record<string, { name: string; site: string }> = {
  CancerGov: { name: 'National Cancer Institute (NIH)', site: 'https://www.cancer.gov/' },
  GARD: {
    name: 'Genetic and Rare Diseases Information Center (NIH)',
    site: 'https://rarediseases.info.nih.gov/',
  },
  GHR: { name: 'Genetics Home Reference (NIH)', site: 'https://ghr.nlm.nih.gov/' },
  MPlusHealthTopics: { name: 'MedlinePlus (NIH)', site: 'https://medlineplus.gov/' },
  NIDDK: {
    name: 'National Institute of Diabetes and Digestive and Kidney Diseases (NIH)',
    site: 'https://www.niddk.nih.gov/',
  },
  NINDS: {
    name: 'National Institute of Neurological Disorders and Stroke (NIH)',
    site: 'https://www.ninds.nih.gov/',
  },
  NIHSeniorHealth: { name: 'NIHSeniorHealth (NIH)', site: 'https://nihseniorhealth.gov/' },
  NHLBI: { name: 'National Heart, Lung, and Blood Institute (NIH)', site: 'https://www.nhlbi.nih.gov/' },
  CDC: { name: 'Centers for Disease Control and Prevention', site: 'https://www.cdc.gov/' },
};

/** A publisher's full name for a code; unknown codes are shown as they are. */
export function publisherName(code: string): string {
  return PUBLISHERS[code]?.name ?? code;
}
