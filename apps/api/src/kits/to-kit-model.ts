import type { KitVersion } from '../../../../libs/catalog/index.js';
import { describeInputs } from '../../../../libs/inputs/index.js';
import type { KitModel } from './models/kit.model.js';

/** A kit version as its GraphQL model; a kit declares no secret defaults (lint secret-no-default). */
export function toKitModel(k: KitVersion, versions: readonly KitVersion[]): KitModel {
  const m = k.kit;
  return {
    name: k.name,
    version: k.version,
    digest: k.digest,
    aisle: m.metadata.aisle,
    title: m.metadata.title,
    description: m.metadata.description,
    inputs: describeInputs(m).map((i) => ({
      name: i.name,
      type: i.type,
      required: i.required,
      default: i.default,
      secret: i.secret,
      generated: i.generated,
      description: i.description,
      enum: i.enum,
    })),
    inputsSchema: m.spec.inputs,
    components: Object.entries(m.spec.instances).map(([instance, spec]) => ({ instance, component: spec.component })),
    certification: {
      level: k.certification.level,
      verified: k.certification.verified,
      certifier: k.certification.certifier ?? null,
      issuedAt: k.certification.issuedAt ?? null,
      reason: k.certification.reason ?? null,
    },
    deprecated: k.deprecated ?? null,
    versions: versions.map((v) => v.version),
    kit: m,
  };
}
