export { renderHelm, CHART_VERSION } from './render-helm.js';
export { readHelmSecrets } from './read-helm-secrets.js';
