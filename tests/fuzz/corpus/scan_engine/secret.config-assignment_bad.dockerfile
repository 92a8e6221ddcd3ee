FROM node:20-alpine
WORKDIR /app
# ruleid: secret.config-assignment
ARG NPM_TOKEN=Kx7Tq2Wm9Zp4Lr1Vn8Bc3Hd6
# ruleid: secret.config-assignment
ENV API_SECRET=Gs5Ja2Ue7Oi4Rk9Tx3Wq
# ruleid: secret.config-assignment
ENV DATABASE_PASSWORD Mp1Zv6Ln2Bc7
# Several variables on one ENV line.
# ruleid: secret.config-assignment
ENV POSTGRES_USER=app POSTGRES_PASSWORD=Xk5Tn9Lq2Wz8 POSTGRES_DB=app
COPY . .
RUN npm ci --omit=dev
