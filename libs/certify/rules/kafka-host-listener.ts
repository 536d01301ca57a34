import type { ManifestRule } from '../lint-rule.js';
import { imageRepository } from './image-repository.js';
import { runtimeFields } from './runtime-fields.js';

const KAFKA_IMAGES = new Set(['docker.io/apache/kafka', 'docker.io/apache/kafka-native']);
const HOST_NAMES = /^(localhost|127\.0\.0\.1|\[::1\])$/i;

/**
 * A Kafka broker whose port is published on the host needs a listener advertised as
 * localhost on a published port: clients follow the advertised address, and the instance
 * name does not resolve on the host (apache/kafka docker/examples, single-node plaintext,
 * advertises PLAINTEXT_HOST://localhost:9092 for this).
 */
export const kafkaHostListener: ManifestRule = {
  name: 'kafka-host-listener',
  description: 'a Kafka broker with a published port advertises a localhost listener on a published port',
  check(manifest) {
    const repository = imageRepository(manifest);
    if (repository === undefined || !KAFKA_IMAGES.has(repository)) return [];
    const runtime = runtimeFields(manifest);
    const published = new Set(runtime.ports.filter((p) => p.expose).map((p) => p.port));
    if (published.size === 0) return [];
    const advertised = (runtime.env.get('KAFKA_ADVERTISED_LISTENERS') ?? '').split(',').map((l) => /^[A-Za-z0-9_]+:\/\/(.*):(\d+)$/.exec(l.trim()));
    if (advertised.some((m) => m !== null && HOST_NAMES.test(m[1]!) && published.has(Number(m[2])))) return [];
    return [
      {
        path: 'spec.runtime.env.KAFKA_ADVERTISED_LISTENERS',
        message: `advertises no localhost listener on a published port (${[...published].join(', ')}); host clients are sent to an address they cannot resolve`,
      },
    ];
  },
};
