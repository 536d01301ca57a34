# Aisle's service (GraphQL, the store, the shipped catalog) as an image:
#   docker build -t ghcr.io/aisle-dev/aisle:0.1.0 .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/aisle ghcr.io/aisle-dev/aisle:0.1.0
# It keeps nothing on disk when DATABASE_URL names PostgreSQL, so any number of copies can
# share one database. Without DATABASE_URL it uses SQLite under /app/data (mount a volume there).

# Build: every dependency, TypeScript compiled and the store's pages bundled into dist/.
FROM node:24-bookworm-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary matches the platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The lock file alone decides the dependency layer, so source edits reuse it.
COPY package.json package-lock.json ./
# Scripts off: `prepare` would build before the sources are here; the native module is built just after.
RUN npm ci --ignore-scripts && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY schemas ./schemas
COPY bin ./bin
COPY catalog ./catalog
COPY trust ./trust
RUN npm run build && npm prune --omit=dev

# Runtime: production dependencies, the build output and what the service reads at run time.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATABASE_URL=/app/data/aisle.sqlite
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/catalog ./catalog
COPY --from=build /app/trust ./trust
# The GraphQL IDE page and its script are served from the sources' folder.
COPY --from=build /app/apps/web/index.html /app/apps/web/ide.js ./apps/web/
# Files stay root's and read-only to the service; only the SQLite folder is its own.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# The slim image has no curl: Node's own fetch asks /healthz.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
