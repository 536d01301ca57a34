import { describeInputs } from '../../../../libs/inputs/index.js';
import { imageLabel } from '../../../../libs/manifest/index.js';
import { ComponentModel, VisibilityValue } from './models/component.model.js';
import type { ComponentVersionModel } from './models/component-version.model.js';
import type { StoredComponent, StoredVersion } from './stored-component.js';
import { LRUCache } from 'lru-cache';

/** A stored component as its GraphQL model. */
export function toComponentModel(c: StoredComponent): ComponentModel {
  return { id: c.id, name: c.name, aisle: c.aisle, organization: c.organization, visibility: c.visibility === 'private' ? VisibilityValue.PRIVATE : VisibilityValue.PUBLIC };
}

// The model of a version depends only on its digest, deprecation and certification: reuse it.
const models = new LRUCache<string, ComponentVersionModel>({ max: 5000 });

/** A stored version as its GraphQL model (secret defaults never included). */
export function toVersionModel(v: StoredVersion): ComponentVersionModel {
  const key = `${v.digest}|${v.deprecated ?? ''}|${v.certification.level}|${v.certification.verified}|${v.certification.issuedAt ?? ''}|${v.publishedAt}`;
  const cached = models.get(key);
  if (cached) return cached;
  const m = v.manifest;
  const model: ComponentVersionModel = {
    name: v.name,
    version: v.version,
    digest: v.digest,
    image: imageLabel(m.spec.image),
    aisle: m.metadata.aisle,
    title: m.metadata.title,
    description: m.metadata.description,
    publisher: m.metadata.publisher,
    license: m.metadata.license,
    keywords: m.metadata.keywords ?? [],
    provides: m.spec.provides,
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
    inputsSchema: withoutSecretDefaults(m.spec.inputs),
    outputs: Object.entries(m.spec.outputs).map(([name, o]) => ({ name, description: o.description })),
    certification: {
      level: v.certification.level,
      verified: v.certification.verified,
      certifier: v.certification.certifier ?? null,
      issuedAt: v.certification.issuedAt ?? null,
      reason: v.certification.reason ?? null,
    },
    deprecated: v.deprecated ?? null,
    publishedAt: v.publishedAt,
    // Whole, or its digest would not check: publish refuses secret defaults (lint secret-no-default), and compose would hand them out anyway.
    manifest: m,
  };
  models.set(key, model);
  return model;
}

// A secret input's default would be a shared secret: describeInputs hides it, so does the schema we hand out.
function withoutSecretDefaults(schema: StoredVersion['manifest']['spec']['inputs']): unknown {
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([name, p]) => {
      if (p.writeOnly !== true || p.default === undefined) return [name, p];
      const { default: _hidden, ...rest } = p;
      return [name, rest];
    }),
  );
  return { ...schema, properties };
}
