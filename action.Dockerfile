# The GitHub Action's image (action.yml), built by the runner from this repository at the ref
# the workflow uses. Unlike the App's Dockerfile it runs as root: GitHub runs container actions
# with the workspace and the files behind GITHUB_STEP_SUMMARY / GITHUB_OUTPUT owned by the
# runner's user, writable only by root inside the container.
FROM node:26-slim
WORKDIR /sg-review
COPY package.json package-lock.json tsconfig.json ./
RUN npm ci --no-audit --no-fund
COPY src ./src
RUN npm run build && npm prune --omit=dev && npm cache clean --force
ENV NODE_ENV=production NODE_OPTIONS=--max-semi-space-size=64
ENTRYPOINT ["node", "/sg-review/dist/action/main.js"]
