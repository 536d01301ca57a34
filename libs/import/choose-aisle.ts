// Words in an image's name that say which shelf it belongs on; the first match wins.
const AISLE_WORDS: Array<[string, RegExp]> = [
  ['database', /postgres|mysql|mariadb|mongo|sql|couch|cassandra|cockroach/],
  ['cache', /redis|valkey|memcache|keydb|dragonfly/],
  ['queue', /rabbit|kafka|nats|activemq|mosquitto|pulsar|amqp/],
  ['search', /elastic|meili|opensearch|solr|typesense/],
  ['storage', /minio|registry|seaweed|s3/],
  ['identity', /keycloak|authentik|dex|oauth|ldap/],
  ['observability', /prometheus|grafana|loki|jaeger|tempo|otel/],
  ['mail', /mailpit|mailhog|postfix|smtp/],
  ['content', /wordpress|ghost|nextcloud|drupal|joomla/],
  ['devtools', /gitea|gitlab|jenkins|forgejo|gogs/],
  ['secrets', /vault|openbao/],
  ['vector', /qdrant|weaviate|milvus|chroma/],
  ['workflow', /n8n|temporal|airflow/],
  ['monitoring', /uptime|kuma|statping/],
];

/** The aisle a draft goes on, chosen from its image (a shelf of libs/catalog/aisles.ts); `web` when nothing fits. */
export function chooseAisle(repository: string): string {
  const name = repository.split('/').slice(-1)[0]!;
  return AISLE_WORDS.find(([, words]) => words.test(name))?.[0] ?? 'web';
}
