# syntax=docker/dockerfile:1
# The worker: Temporal workflows (the prebuilt bundle) and activities. Build from the repository root:
#   docker build -f infra/docker/worker.Dockerfile -t reform/worker:<version> .

# 1. Build with the whole workspace: dist/apps/worker (webpack) and dist/workflows/workflow-bundle.js.
FROM node:24-bookworm-slim AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build bundle -p worker workflows --outputStyle=static

# 2. Production dependencies only (glibc: the Temporal core bridge ships prebuilt for it, not for musl).
FROM node:24-bookworm-slim AS deps
WORKDIR /app/dist/apps/worker
COPY --from=build /workspace/dist/apps/worker/package.json /workspace/dist/apps/worker/package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# 3. Run as the unprivileged `node` user, with the CJK font the documents' PDFs embed (DOCUMENT_FONT's
#    default, /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc; the templates ship in dist/apps/worker).
FROM node:24-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production WORKFLOW_BUNDLE=/app/dist/workflows/workflow-bundle.js WORKER_HEALTH_PORT=8081
WORKDIR /app
COPY --from=deps /app/dist/apps/worker/node_modules ./dist/apps/worker/node_modules
COPY --from=build /workspace/dist/apps/worker ./dist/apps/worker
COPY --from=build /workspace/dist/workflows/workflow-bundle.js ./dist/workflows/workflow-bundle.js
USER node
EXPOSE 8081
# SIGTERM drains: running activities get up to 20 s (shutdownGraceTime) before they are handed back.
CMD ["node", "--enable-source-maps", "dist/apps/worker/main.js"]
