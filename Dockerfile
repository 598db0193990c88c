# syntax=docker/dockerfile:1
#
# PraaS container images. One build stage compiles the services and the sample app once; each
# runtime target copies its jar from it. docker-compose.yml builds every target below:
#
#   docker build --target state-service   -t praas/state-service .
#   docker build --target process-manager -t praas/process-manager .
#   docker build --target gateway         -t praas/gateway .
#   docker build --target deploy-counter  -t praas/deploy-counter .
#
# Needs BuildKit (the default builder of Docker 23+ and of `docker compose`) for the Maven cache mount.

ARG JDK_IMAGE=eclipse-temurin:21-jdk
ARG JRE_IMAGE=eclipse-temurin:21-jre

# ---- build: ./mvnw once for all modules the images need -------------------------------------------
FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 (dependencies and the Maven 3.9.11 the wrapper downloads) between builds.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package \
        -pl state-service,process-manager-service,gateway-service,sample-apps/counter -am \
 && mkdir -p /out \
 && cp state-service/target/state-service-*.jar /out/state-service.jar \
 && cp process-manager-service/target/process-manager-service-*-exec.jar /out/process-manager.jar \
 && cp gateway-service/target/gateway-service-*.jar /out/gateway.jar \
 && cp sample-apps/counter/target/counter-*.jar /out/counter.jar

# ---- runtime: JRE + curl (health checks, deploy job), unprivileged user ---------------------------
FROM ${JRE_IMAGE} AS runtime
RUN set -eux; \
    if ! command -v curl >/dev/null 2>&1; then \
        apt-get update; \
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl; \
        rm -rf /var/lib/apt/lists/*; \
    fi; \
    groupadd --system praas; \
    useradd --system --gid praas --home-dir /app --no-create-home --shell /usr/sbin/nologin praas
WORKDIR /app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
USER praas
# exec form: the JVM is PID 1 and receives SIGTERM itself (graceful shutdown)
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

FROM runtime AS state-service
COPY --from=build /out/state-service.jar /app/app.jar
EXPOSE 8082

FROM runtime AS process-manager
COPY --from=build /out/process-manager.jar /app/app.jar
EXPOSE 8081

FROM runtime AS gateway
COPY --from=build /out/gateway.jar /app/app.jar
EXPOSE 8080

# ---- deploy-counter: one-shot job, deploys the sample app through the gateway ---------------------
FROM runtime AS deploy-counter
COPY --from=build /out/counter.jar /counter.jar
ENV PRAAS_GATEWAY_URL=http://gateway:8080
ENTRYPOINT ["/bin/sh", "-c", "exec curl -fsS --retry 5 --retry-all-errors --retry-delay 2 -w '\\n' -X PUT -H 'Content-Type: application/java-archive' --data-binary @/counter.jar \"$PRAAS_GATEWAY_URL/v1/apps/counter\""]
