# syntax=docker/dockerfile:1
# The API (and the web console it serves). Build from the repository root:
#   docker build -f infra/docker/api.Dockerfile -t reform/api:<version> .

# 1. Build with the whole workspace: Nx builds dist/apps/api (webpack) and dist/apps/console (vite).
FROM node:24-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build -p api console --outputStyle=static

# 2. Production dependencies only, from the package.json Nx generated for the bundle.
FROM node:24-bookworm-slim AS deps
WORKDIR /app/dist/apps/api
COPY --from=build /workspace/dist/apps/api/package.json /workspace/dist/apps/api/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# 3. Run as the unprivileged `node` user; nothing in the image is writable by it.
FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=deps /app/dist/apps/api/node_modules ./dist/apps/api/node_modules
COPY --from=build /workspace/dist/apps/api ./dist/apps/api
COPY --from=build /workspace/dist/apps/console ./dist/apps/console
USER node
EXPOSE 3000
# Readiness: GET /health (503 while PostgreSQL or Temporal is away). Liveness: GET /health/live.
CMD ["node", "--enable-source-maps", "dist/apps/api/main.js"]
