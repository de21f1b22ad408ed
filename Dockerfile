# Production image: builds the workspace, runs the one-port server.
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
RUN npm i -g pnpm@12.4.2
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build

FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg && rm -rf /var/lib/apt/lists/*
RUN npm i -g pnpm@12.4.2
WORKDIR /app
COPY --from=build /app /app
ENV NODE_ENV=production USE_VOLUME_MEDIA=true PORT=3000
EXPOSE 3000
CMD ["node", "apps/api/dist/server.js"]
