# Images for the GPU-store assistant.
#
#   docker build -t gpu-assistant .                                    # server (default: last stage)
#   docker build --build-arg BAKE_MODEL=true -t gpu-assistant .        # server with the embedding model baked in
#   docker build --build-arg EMBEDDINGS_RUNTIME=none -t gpu-assistant . # hashing embedder only, no ONNX Runtime
#   docker build --target lambda-thumbnail -t gpu-thumbnail .          # S3 thumbnail Lambda
#
# No `# syntax=` line on purpose: that line makes BuildKit pull a frontend image before it reads
# this file, which fails where builds are air-gapped. BuildKit's built-in Dockerfile frontend
# (Docker 20.10+, buildx) already supports everything used here: RUN --mount=type=cache and
# type=secret, ARG in FROM, TARGETARCH.
#
# Behind a TLS-inspecting proxy, hand npm the proxy's CA as a build secret (never a layer):
#   docker build --secret id=npm_ca,src=/etc/ssl/certs/ca-certificates.crt ...
#
# The server image runs as uid 10001 with a read-only root filesystem: it writes only under
# /data (PGlite, local uploads; a volume) and /tmp. In Kubernetes both are emptyDir volumes.

# Node 22 LTS, inside every dependency's engine range (infra/test/delivery.test.ts checks the
# lockfile against it). The runtime stage takes only the node binary from this image.
ARG NODE_VERSION=22.23.5
ARG NODE_IMAGE=node:${NODE_VERSION}-bookworm-slim
# The same Debian release as the Node image, without npm, yarn, headers or a compiler.
ARG RUNTIME_IMAGE=debian:bookworm-slim
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
# Manifests first so the dependency layer is cached until a package.json or the lockfile changes
# (scripts/prepare.mjs is the root package's prepare step, which npm ci runs).
COPY package.json package-lock.json .npmrc ./
COPY scripts/prepare.mjs scripts/prepare.mjs
COPY shared/package.json shared/package.json
COPY server/package.json server/package.json
COPY client/package.json client/package.json
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npm_ca \
    if [ -s /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca; fi \
 && npm ci
COPY . .
# Outputs: shared/dist, client/build, server/dist. Declarations are never loaded at run time;
# source maps stay only when asked for (then run with NODE_OPTIONS=--enable-source-maps).
ARG SOURCE_MAPS=false
RUN npm run build \
 && find shared/dist server/dist -name '*.d.ts' -delete \
 && if [ "${SOURCE_MAPS}" != "true" ]; then find shared/dist server/dist client/build -name '*.map' -delete; fi

# ---------------------------------------------------------------------------------------------
# model: the sentence-embedding weights, only with BAKE_MODEL=true (otherwise MODEL_DIR stays
# empty and the server loads them from a mounted volume or falls back to the hashing embedder).
# Its own stage, so a code change never downloads the model again.
FROM toolchain AS model
ARG BAKE_MODEL=false
ARG EMBEDDINGS_MODEL=paraphrase-multilingual-MiniLM-L12-v2
ARG EMBEDDINGS_RUNTIME=onnx
COPY scripts/fetch-model.mjs scripts/fetch-model.mjs
RUN --mount=type=secret,id=npm_ca \
    if [ -s /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca; fi \
 && mkdir -p /app/models \
 && if [ "${BAKE_MODEL}" = "true" ]; then \
      if [ "${EMBEDDINGS_RUNTIME}" = "none" ]; then \
        echo "BAKE_MODEL=true needs EMBEDDINGS_RUNTIME=onnx (the model needs ONNX Runtime)" >&2; exit 1; \
      fi; \
      EMBEDDINGS_MODEL="${EMBEDDINGS_MODEL}" node scripts/fetch-model.mjs /app/models; \
    fi

# ---------------------------------------------------------------------------------------------
# prune: production dependencies only, installed from the same lockfile, then cut to what the
# server loads on linux/TARGETARCH (scripts/prune-runtime.mjs says what and why) and checked by
# loading every dependency and native binding (scripts/check-runtime-deps.mjs).
# scripts/image-size.sh runs these same commands without Docker. The runtime takes only the node
# binary from here, without its debug info (no npm, headers or compiler).
FROM toolchain AS prune
ARG TARGETARCH
# onnx: transformers.js + ONNX Runtime for the MiniLM embedder (used when its weights are baked
# or mounted). none: without them (about 50 MB less); EMBEDDINGS=auto then uses hashing.
ARG EMBEDDINGS_RUNTIME=onnx
COPY package.json package-lock.json .npmrc ./
COPY scripts/prepare.mjs scripts/prune-runtime.mjs scripts/check-runtime-deps.mjs scripts/
COPY shared/package.json shared/package.json
COPY server/package.json server/package.json
COPY client/package.json client/package.json
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npm_ca \
    if [ -s /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca; fi \
 && npm ci --omit=dev \
 && case "${EMBEDDINGS_RUNTIME}" in \
      onnx) ;; \
      none) npm uninstall --omit=dev -w server @huggingface/transformers ;; \
      *) echo "EMBEDDINGS_RUNTIME must be onnx or none" >&2; exit 1 ;; \
    esac \
 && node scripts/prune-runtime.mjs node_modules --arch="${TARGETARCH}" \
 && node scripts/check-runtime-deps.mjs . \
 && mkdir -p shared/node_modules server/node_modules client/node_modules \
 && strip --strip-debug -o /usr/local/bin/node.runtime /usr/local/bin/node

# ---------------------------------------------------------------------------------------------
# lambda-build: bundles infra/lambda/thumbnail/handler.ts (and the server's thumbnail generator it
# imports) with esbuild, and installs sharp + the S3 client for linux-x64 (the Lambda runs x86_64).
FROM --platform=linux/amd64 ${NODE_IMAGE} AS lambda-build
ENV NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
WORKDIR /src
COPY infra/lambda/thumbnail/package.json infra/lambda/thumbnail/package-lock.json infra/lambda/thumbnail/
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npm_ca \
    if [ -s /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca; fi \
 && cd infra/lambda/thumbnail && npm ci --os=linux --cpu=x64
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
FROM ${RUNTIME_IMAGE} AS runtime
ARG EMBEDDINGS_MODEL=paraphrase-multilingual-MiniLM-L12-v2
ENV NODE_ENV=production \
    PGLITE_DIR=/data/pglite \
    UPLOADS_DIR=/data/uploads \
    MODEL_DIR=/app/models \
    EMBEDDINGS_MODEL=${EMBEDDINGS_MODEL}
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin app \
 && mkdir -p /data/pglite /data/uploads \
 && chown -R 10001:10001 /data
COPY --from=prune /usr/local/bin/node.runtime /usr/local/bin/node
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
COPY --from=model /app/models ./models
USER 10001:10001
EXPOSE 3000
VOLUME /data
# Liveness only (touches no dependency); slim images have no curl, so Node's fetch does it.
# start-period covers the measured start-up (docs/operations.md, "Image").
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# Exec form: node is PID 1 and receives SIGTERM itself (graceful drain); no npm, no shell.
CMD ["node", "server/dist/main.js"]
