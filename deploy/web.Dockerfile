# Builds any web service (a folder with a web.manifest.json):
#   docker build -f deploy/web.Dockerfile --build-arg SERVICE=reporter-site .
# The first stage runs the service's `react-router build` (Vite) and copies what `node server/main.ts` loads: its
# server, the build, and the packages those import (deploy/src/web-image/runtime-files.ts; its test runs the copy).
# The second stage is that copy alone on Node, run as it runs under `npm start`: no build tools, no API services.
FROM node:24-bookworm-slim AS build
ARG SERVICE
ENV SWC_NODE_PROJECT=/app/tsconfig.runtime.json
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs libs
COPY services services
COPY deploy deploy
COPY tools tools
COPY bench/package.json bench/package.json
COPY tsconfig.base.json tsconfig.runtime.json ./
RUN test -f "services/${SERVICE}/web.manifest.json" && npm ci --no-audit --no-fund
RUN cd "services/${SERVICE}" && NODE_ENV=production node /app/node_modules/@react-router/dev/bin.cjs build
RUN node -r @swc-node/register deploy/src/web-image/copy-runtime.ts "${SERVICE}" /runtime

FROM node:24-bookworm-slim
ARG SERVICE
ENV NODE_ENV=production
# Root owns the files; the node user only reads them (the container's root filesystem may be read-only).
COPY --from=build /runtime /app
WORKDIR /app/services/${SERVICE}
USER node
# PORT, HOST and the variables its web.manifest.json names configure it (docker-compose.yml, deploy/k8s/base).
CMD ["node", "--max-semi-space-size=32", "server/main.ts"]
