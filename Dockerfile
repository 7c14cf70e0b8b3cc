# The API, built from this repository. Used by docker-compose.yml.
FROM node:24-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 TZ=UTC
EXPOSE 4000
USER node
CMD ["node", "dist/src/server/main.js"]
