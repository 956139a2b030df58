# syntax=docker/dockerfile:1.7
#
# Images for the GPU-store assistant.
#
#   docker build -t gpu-assistant .                                   # server (default: last stage)
#   docker build --build-arg BAKE_MODEL=true -t gpu-assistant .       # server with MiniLM weights baked in
#   docker build --target lambda-thumbnail -t gpu-thumbnail .         # S3 thumbnail Lambda
#
# The server image runs as uid 10001 with a read-only root filesystem: it writes only under
# /data (PGlite, local uploads; a volume) and /tmp. In Kubernetes both are emptyDir volumes.

ARG NODE_IMAGE=node:22.12.0-bookworm-slim
ARG LAMBDA_IMAGE=public.ecr.aws/lambda/nodejs:22

# ---------------------------------------------------------------------------------------------
# toolchain: Node plus what node-gyp needs if a native addon (argon2, sharp, onnxruntime) has no
# prebuilt binary for the build platform. Never part of the runtime image.
FROM ${NODE_IMAGE} AS toolchain
ENV ONNXRUNTIME_NODE_INSTALL_CUDA=skip \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app

# ---------------------------------------------------------------------------------------------
# builder: full install (dev dependencies included) and the build of shared -> client -> server.
FROM toolchain AS builder
# Manifests first so the dependency layer is cached until a package.json or the lockfile changes.
COPY package.json package-lock.json .npmrc ./
COPY shared/package.json shared/package.json
COPY server/package.json server/package.json
COPY client/package.json client/package.json
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
# Outputs: shared/dist, client/build, server/dist.
RUN npm run build
# Optional: bake the MiniLM embedding weights into the image (otherwise MODEL_DIR stays empty and
# the server loads them from a mounted volume or falls back to the hashing embedder).
ARG BAKE_MODEL=false
RUN mkdir -p /app/models \
 && if [ "${BAKE_MODEL}" = "true" ]; then node scripts/fetch-model.mjs /app/models; fi

# ---------------------------------------------------------------------------------------------
# prune: production dependencies only, installed from the same lockfile.
FROM toolchain AS prune
COPY package.json package-lock.json .npmrc ./
COPY shared/package.json shared/package.json
COPY server/package.json server/package.json
COPY client/package.json client/package.json
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev \
 && mkdir -p shared/node_modules server/node_modules client/node_modules

# ---------------------------------------------------------------------------------------------
# lambda-build: bundles infra/lambda/thumbnail/handler.ts (and the server's thumbnail generator it
# imports) with esbuild, and installs sharp + the S3 client for linux-x64 (the Lambda runs x86_64).
FROM --platform=linux/amd64 ${NODE_IMAGE} AS lambda-build
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
WORKDIR /src
COPY infra/lambda/thumbnail/package.json infra/lambda/thumbnail/package-lock.json infra/lambda/thumbnail/
RUN --mount=type=cache,target=/root/.npm \
    cd infra/lambda/thumbnail && npm ci --os=linux --cpu=x64
COPY tsconfig.json ./
COPY infra/lambda/thumbnail/ infra/lambda/thumbnail/
COPY server/src/ server/src/
RUN cd infra/lambda/thumbnail \
 && npm run build \
 && npm prune --omit=dev --os=linux --cpu=x64

# ---------------------------------------------------------------------------------------------
# lambda-thumbnail: the image the thumbnail Lambda runs (package_type = Image in Terraform).
FROM --platform=linux/amd64 ${LAMBDA_IMAGE} AS lambda-thumbnail
COPY --from=lambda-build /src/infra/lambda/thumbnail/node_modules ${LAMBDA_TASK_ROOT}/node_modules
COPY --from=lambda-build /src/infra/lambda/thumbnail/dist/index.mjs ${LAMBDA_TASK_ROOT}/index.mjs
CMD ["index.handler"]

# ---------------------------------------------------------------------------------------------
# runtime: the server (which also serves the built SvelteKit client). Last stage = default target.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PGLITE_DIR=/data/pglite \
    UPLOADS_DIR=/data/uploads \
    MODEL_DIR=/app/models
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin app \
 && mkdir -p /data/pglite /data/uploads \
 && chown -R 10001:10001 /data
WORKDIR /app
# Code and dependencies stay owned by root: the app user can read but not modify them.
COPY --from=prune /app/node_modules ./node_modules
COPY --from=prune /app/shared/node_modules ./shared/node_modules
COPY --from=prune /app/server/node_modules ./server/node_modules
COPY --from=prune /app/client/node_modules ./client/node_modules
COPY --from=builder /app/package.json ./package.json
COPY --from=builder /app/shared/package.json ./shared/package.json
COPY --from=builder /app/shared/dist ./shared/dist
COPY --from=builder /app/server/package.json ./server/package.json
COPY --from=builder /app/server/dist ./server/dist
COPY --from=builder /app/client/package.json ./client/package.json
COPY --from=builder /app/client/build ./client/build
COPY --from=builder /app/models ./models
USER 10001:10001
EXPOSE 3000
VOLUME /data
# Liveness only (touches no dependency); slim images have no curl, so Node's fetch does it.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# Exec form: node is PID 1 and receives SIGTERM itself (graceful drain); no npm, no shell.
CMD ["node", "server/dist/main.js"]
