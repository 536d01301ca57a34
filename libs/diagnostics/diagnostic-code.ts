/**
 * Every user-facing problem Aisle reports has one of these codes. They are mapped to
 * CLI exit codes in `apps/cli/src/exit-code.ts` and to GraphQL error codes in
 * `apps/api/src/common/graphql-error-code.ts`, nowhere else.
 */
export type DiagnosticCode =
  // reading files
  | 'FILE_UNREADABLE'
  | 'YAML_SYNTAX'
  | 'YAML_DUPLICATE_KEY'
  | 'YAML_ALIAS_LIMIT'
  | 'YAML_TOO_LARGE'
  | 'YAML_FORBIDDEN_KEY'
  // manifests and app specs
  | 'SCHEMA_VIOLATION'
  | 'VERSION_INVALID'
  | 'INPUTS_SCHEMA_INVALID'
  | 'TEMPLATE_INVALID'
  | 'MANIFEST_LOCATION_MISMATCH'
  | 'DUPLICATE_VERSION'
  // resolution
  | 'REFERENCE_INVALID'
  | 'COMPONENT_NOT_FOUND'
  | 'VERSION_UNSATISFIED'
  | 'VERSION_DEPRECATED'
  // inputs
  | 'INPUT_INVALID'
  | 'INPUT_UNKNOWN'
  | 'INPUT_REQUIRED'
  // composition
  | 'INSTANCE_NAME_INVALID'
  | 'WIRING_UNKNOWN_INSTANCE'
  | 'WIRING_UNKNOWN_OUTPUT'
  | 'WIRING_CYCLE'
  | 'PORT_UNKNOWN'
  // conformance and certification
  | 'LINT_RULE'
  | 'CERTIFICATION_INVALID'
  | 'CERTIFICATION_MISSING'
  | 'KEY_INVALID'
  // publishing
  | 'ALREADY_PUBLISHED'
  // who may do what (GraphQL service, API tokens)
  | 'TOKEN_REQUIRED'
  | 'TOKEN_INVALID'
  | 'SCOPE_MISSING'
  | 'NOT_OWNER'
  // names scoped by organization (acme/vault)
  | 'NAME_SCOPE_FORBIDDEN'
  | 'NAME_SCOPE_REQUIRED'
  | 'NAME_SCOPED_IN_CATALOG'
  // composition: a host port published twice
  | 'PORT_CONFLICT'
  // composition: replicas of a component that keeps data on volumes
  | 'REPLICAS_STATEFUL'
  // an aisle that is not in libs/catalog/aisles.ts (search filter, manifest)
  | 'AISLE_UNKNOWN'
  // the command line: wrong use of a command, the service's database, files it could not write
  | 'USAGE'
  | 'DATABASE_NOT_FOUND'
  | 'DATABASE_UNAVAILABLE'
  | 'TOKEN_NOT_FOUND'
  | 'IO_FAILED'
  // the CLI as a client of an Aisle service (--registry)
  | 'REGISTRY_UNREACHABLE'
  | 'REGISTRY_FAILED'
  | 'REGISTRY_DIGEST_MISMATCH'
  // more matches than one answer holds (a warning: what was read is shown)
  | 'RESULTS_TRUNCATED'
  // aisle import: a file in none of the formats, or one the chosen format cannot read
  | 'IMPORT_FORMAT_UNKNOWN'
  | 'IMPORT_INVALID'
  // day two: a manifest's upgrade block, a bundle's lock, upgrade plans and revisions
  | 'UPGRADE_INVALID'
  | 'LOCK_INVALID'
  | 'LOCK_MISMATCH'
  | 'UPGRADE_UNSUPPORTED'
  | 'UPGRADE_DATA_STEP'
  | 'UPGRADE_VALUE_LOST'
  | 'UPGRADE_NEEDS_APP'
  | 'REVISION_NOT_FOUND';

export type Severity = 'error' | 'warning';
