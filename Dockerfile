# Capstan operator image: Node.js 24 runs the TypeScript sources directly.
FROM node:24.21.0-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages ./packages
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

FROM node:24.21.0-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends git openssh-client ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 65532 --create-home --home-dir /home/capstan capstan
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY packages ./packages
COPY bin ./bin
COPY src ./src
COPY crds ./crds
ENV NODE_ENV=production CAPSTAN_CACHE=/cache
VOLUME ["/cache", "/tmp"]
USER 65532:65532
ENTRYPOINT ["node", "/app/src/cli/main.ts"]
CMD ["operator"]
