/** A shelf of the catalog: its name (what `metadata.aisle` says) and one sentence for people browsing. */
export interface Aisle {
  name: string;
  description: string;
}

/**
 * Every aisle a component may sit on, the one list of them: lint and publishing refuse
 * a manifest whose aisle is not here, and search answers an unknown aisle with a
 * "did you mean". A company adds an aisle by adding an entry (sorted by name); the
 * `examples` of `metadata.aisle` in schemas/component.schema.json follow this list
 * (a test keeps them equal).
 */
export const AISLES: readonly Aisle[] = [
  { name: 'cache', description: 'In-memory key-value stores and caches (Redis, Valkey, Memcached).' },
  { name: 'content', description: 'Sites, blogs and file sharing that people use directly (WordPress, Ghost, Nextcloud).' },
  { name: 'database', description: 'SQL, document, graph and time-series databases (PostgreSQL, MySQL, MongoDB, Cassandra, Neo4j, InfluxDB, ClickHouse).' },
  { name: 'devtools', description: 'Source hosting and tools for developers (Gitea, and Aisle itself).' },
  { name: 'identity', description: 'Sign-in, single sign-on and access management (Keycloak, Dex).' },
  { name: 'mail', description: 'Mail servers and mail catchers for development (Mailpit).' },
  { name: 'monitoring', description: 'Uptime checks and status pages (Uptime Kuma).' },
  { name: 'observability', description: 'Metrics, dashboards, logs, traces and alerts (Prometheus, Grafana, Loki, Jaeger, OpenTelemetry Collector, Alertmanager).' },
  { name: 'queue', description: 'Message brokers and event streams (RabbitMQ, Kafka, NATS, Mosquitto, ActiveMQ Artemis).' },
  { name: 'search', description: 'Full-text search engines (Meilisearch, Typesense, OpenSearch, Solr).' },
  { name: 'secrets', description: 'Secret stores and key management (OpenBao).' },
  { name: 'storage', description: 'Object storage and artifact registries (MinIO, container registry).' },
  { name: 'vector', description: 'Vector databases for embeddings and similarity search (Qdrant, Weaviate).' },
  { name: 'web', description: 'Web servers, reverse proxies, caches and your own web apps (NGINX, Caddy, Apache, Traefik, HAProxy, Varnish).' },
  { name: 'workflow', description: 'Workflow automation and orchestration (Node-RED).' },
];

/** The aisles' names, in the list's order. */
export const AISLE_NAMES: readonly string[] = AISLES.map((a) => a.name);
