# syntax=docker/dockerfile:1
# One image per back-end service, built from the repository root, for example:
#   docker build --build-arg MODULE=users-service --build-arg PORT=3002 -t cryptotalks/users-service:0.1.0 .
# MODULE and PORT pairs: api-gateway 3000, auth-service 3001, users-service 3002, posts-service 3003,
# crypto-rates-service 3004 (the default of the service's own port variable). docker-compose.yml builds all five.

# ---- build: Maven, with the dependency download in its own layer ----
FROM maven:3.9-eclipse-temurin-25 AS build
ARG MODULE
RUN test -n "$MODULE" || { echo "build with --build-arg MODULE=<service> (see the top of this file)" >&2; exit 1; }
WORKDIR /src
# Only the poms first: this layer and the download below are rebuilt when a pom changes, never for a source-only change.
COPY pom.xml ./
COPY common/pom.xml common/
COPY devstack/pom.xml devstack/
COPY api-gateway/pom.xml api-gateway/
COPY auth-service/pom.xml auth-service/
COPY users-service/pom.xml users-service/
COPY posts-service/pom.xml posts-service/
COPY crypto-rates-service/pom.xml crypto-rates-service/
COPY system-tests/pom.xml system-tests/
COPY deploy-tests/pom.xml deploy-tests/
# Every dependency and plugin of the module and the modules it needs (the reactor's own artifacts are left out), then a
# package of the still empty modules: it fetches what go-offline misses (the plugins' own run-time dependencies). With
# this layer, the package below runs offline (checked without Docker by replaying these steps with mvn -o).
RUN mvn -B -q -pl "$MODULE" -am dependency:go-offline \
 && mvn -B -q -DskipTests -pl "$MODULE" -am package \
 && rm -rf ./*/target
# The sources. The service's tests are compiled (with -DskipTests they are not run): they use the devstack and
# common's test jar, so those sources come along; nothing else of the repository enters this stage.
COPY common/src common/src
COPY devstack/src devstack/src
COPY ${MODULE}/src ${MODULE}/src
RUN mvn -B -q -DskipTests -pl "$MODULE" -am package \
 && cp "$MODULE"/target/"$MODULE"-*-exec.jar /app.jar \
 && mkdir /layers \
 && java -Djarmode=tools -jar /app.jar extract --layers --launcher --destination /layers

# ---- runtime: a JRE on Alpine, the layered jar, a non-root user ----
FROM eclipse-temurin:25-jre-alpine
ARG MODULE
ARG PORT
RUN test -n "$PORT" || { echo "build with --build-arg PORT=<the service's port> (see the top of this file)" >&2; exit 1; } \
 && addgroup -S -g 10001 cryptotalks && adduser -S -D -H -u 10001 -G cryptotalks cryptotalks
WORKDIR /app
# Least-changing layer first: third-party jars, the Boot loader, the project's own snapshot jars (common), the classes.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001:10001
ENV SERVICE_NAME=${MODULE} \
    HEALTH_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
# Readiness (database reachable, started): what docker compose's depends_on waits for. Busybox wget is in the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
  CMD wget -q -O /dev/null "http://127.0.0.1:${HEALTH_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
