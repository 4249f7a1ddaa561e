export { type ExportOptions, type ExportReport, exportSite } from './export.js';
export { keyOf, rendererFingerprint } from './fingerprint.js';
export { checkOutDir, fileForPath, MANIFEST_FILE, safeJoin, UnsafeOutputError } from './paths.js';
export { literalFile, loadSnapshot, type OutputFile, type SiteSnapshot, sitePlan } from './plan.js';
