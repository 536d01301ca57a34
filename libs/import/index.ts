export { importApp, catalogWithDrafts, APP_FILE, REPORT_FILE } from './import-app.js';
export type { ImportOptions, ImportResult } from './import-app.js';
export type { ImportReport } from './build-report.js';
export { IMPORT_FORMATS, FORMAT_TITLES } from './imported-app.js';
export type { ImportFormat, ReportEntry } from './imported-app.js';
export { detectFormat } from './detect-format.js';
