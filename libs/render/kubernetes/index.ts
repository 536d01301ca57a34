export { renderKubernetes, KUSTOMIZATION_FILE } from './render-kubernetes.js';
export { readKubernetesSecrets } from './read-kubernetes-secrets.js';
export { toYaml } from './to-yaml.js';
export { escapeExpansion } from './escape-expansion.js';
