export { renderOpenShift, TEMPLATE_FILE, PUBLISH_ANNOTATION } from './render-openshift.js';
export { readOpenShiftSecrets } from './read-openshift-secrets.js';
