export type {
  ComponentManifest,
  DataNote,
  InputMigration,
  UpgradeDeclaration,
  HealthCheck,
  ImageDeclaration,
  PortNumber,
  InputProperty,
  InputsSchema,
  OutputDeclaration,
  PortDeclaration,
  ResourceList,
  Runtime,
  Scalar,
  SecretGenerator,
  SecurityContext,
  VolumeDeclaration,
} from './manifest.js';
export type { AppSpec, InstanceSpec } from './app-spec.js';
export { parseYaml, MAX_DOCUMENT_BYTES } from './parse-yaml.js';
export type { ParsedYaml } from './parse-yaml.js';
export { parseManifest, checkManifest } from './parse-manifest.js';
export type { ParseResult } from './parse-manifest.js';
export { parseAppSpec, checkAppSpec, INSTANCE_NAME } from './parse-app-spec.js';
export { appSpecSource, rememberAppSpecSource, type AppSpecSource } from './app-spec-source.js';
export { parseTemplate, templateReferences, hasTemplateSyntax, TEMPLATE_FILTERS } from './parse-template.js';
export { manifestTemplates } from './manifest-templates.js';
export type { TemplateField } from './manifest-templates.js';
export type { TemplateSegment, TemplateFilter, ParsedTemplate } from './parse-template.js';
export { canonicalJson } from './canonical-json.js';
export { manifestDigest } from './manifest-digest.js';
export { createAjv } from './ajv-instance.js';
export type { Ajv } from './ajv-instance.js';
export { schemaDiagnostics, pointerSegments } from './schema-diagnostics.js';
export { describeNameRule, describePatternMismatch, describeSchemaError, schemaErrorDetail } from './describe-schema-error.js';
export type { PatternSchema } from './describe-schema-error.js';
export { describeFormat } from './describe-format.js';
export { imageLabel } from './image-label.js';
export {
  parseComponentName,
  isScopeName,
  COMPONENT_NAME_PATTERN,
  SCOPE_NAME_PATTERN,
  COMPONENT_NAME_RULE,
  MAX_COMPONENT_NAME_LENGTH,
} from './parse-component-name.js';
export type { ComponentName } from './parse-component-name.js';
export { compileSafePattern, splitLookahead, MAX_PATTERN_COST, MAX_PATTERN_LENGTH, MAX_PATTERN_STEPS } from './safe-pattern.js';
export { toRe2Syntax } from './re2-syntax.js';
export type { PatternVerdict, SafePattern } from './safe-pattern.js';
export { PatternBudget } from './pattern-budget.js';
export type { PatternCheck } from './pattern-budget.js';
export { FORBIDDEN_KEYS, ILL_FORMED_TEXT, plainDataProblems } from './plain-data-problems.js';
export type { PlainDataProblem } from './plain-data-problems.js';
export { MAX_GENERATED_SECRET_LENGTH, MAX_INPUT_STRING_LENGTH } from './input-limits.js';
export { isPrivateAppPath } from './parse-app-spec.js';
export { MAX_MANIFEST_BYTES } from './parse-manifest.js';
export { MAX_YAML_DEPTH } from './parse-yaml.js';
export type { ParseYamlOptions } from './parse-yaml.js';
export type { KitManifest } from './kit.js';
export { parseKit, checkKit } from './parse-kit.js';
