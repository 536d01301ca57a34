import type { ManifestRule, VersionsRule } from './lint-rule.js';
import { defaultsValid } from './rules/defaults-valid.js';
import { descriptionLicense } from './rules/description-license.js';
import { healthCheck } from './rules/health-check.js';
import { inputContractSemver } from './rules/input-contract-semver.js';
import { inputsDefaulted } from './rules/inputs-defaulted.js';
import { noSecretInCommand } from './rules/no-secret-in-command.js';
import { pinnedTag } from './rules/pinned-tag.js';
import { referencesResolve } from './rules/references-resolve.js';
import { requiredInputs } from './rules/required-inputs.js';
import { resources } from './rules/resources.js';
import { secretNoDefault } from './rules/secret-no-default.js';
import { secretWriteOnly } from './rules/secret-write-only.js';
import { secretPastedUnescaped } from './rules/secret-pasted-unescaped.js';
import { healthAfterInit } from './rules/health-after-init.js';
import { entrypointKept } from './rules/entrypoint-kept.js';
import { snapshotSchedule } from './rules/snapshot-schedule.js';
import { memoryInputBounded } from './rules/memory-input-bounded.js';
import { kafkaHostListener } from './rules/kafka-host-listener.js';
import { envReadByImage } from './rules/env-read-by-image.js';
import { servedPorts } from './rules/served-ports.js';
import { patternMessage } from './rules/pattern-message.js';
import { upgradeMigrationsDeclared } from './rules/upgrade-migrations-declared.js';

/** The rules that check one manifest on its own, in the order they report. */
export const MANIFEST_RULES: readonly ManifestRule[] = [
  pinnedTag,
  healthCheck,
  resources,
  requiredInputs,
  inputsDefaulted,
  secretWriteOnly,
  secretNoDefault,
  referencesResolve,
  defaultsValid,
  descriptionLicense,
  noSecretInCommand,
  patternMessage,
  // What the audit of issue 13 found in shipped images: each rule knows a few images.
  secretPastedUnescaped,
  healthAfterInit,
  entrypointKept,
  snapshotSchedule,
  memoryInputBounded,
  kafkaHostListener,
  envReadByImage,
  servedPorts,
];

/** The rules that compare the versions of one component. */
export const VERSIONS_RULES: readonly VersionsRule[] = [inputContractSemver, upgradeMigrationsDeclared];

/** Every conformance check by name: what a certification record lists as passed. */
export const LINT_RULES: readonly string[] = [...MANIFEST_RULES, ...VERSIONS_RULES].map((r) => r.name);
