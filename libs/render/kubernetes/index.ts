export { renderKubernetes, KUSTOMIZATION_FILE } from './render-kubernetes.js';
export { readKubernetesSecrets } from './read-kubernetes-secrets.js';
export { escapeExpansion } from './escape-expansion.js';
