# One image per service: docker build --build-arg MODULE=users-service -t cryptotalks/users-service .
# docker-compose.yml builds all five with it.
FROM maven:3.9-eclipse-temurin-25 AS build
ARG MODULE
WORKDIR /src
COPY pom.xml .
COPY common/pom.xml common/
COPY devstack/pom.xml devstack/
COPY api-gateway/pom.xml api-gateway/
COPY auth-service/pom.xml auth-service/
COPY users-service/pom.xml users-service/
COPY posts-service/pom.xml posts-service/
COPY crypto-rates-service/pom.xml crypto-rates-service/
COPY system-tests/pom.xml system-tests/
COPY common/src common/src
COPY ${MODULE}/src ${MODULE}/src
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl ${MODULE} -am package \
 && cp ${MODULE}/target/${MODULE}-*-exec.jar /app.jar

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 cryptotalks
COPY --from=build /app.jar /app/app.jar
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
