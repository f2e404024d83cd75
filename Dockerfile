# One image recipe for the three services (they build and run alike): docker compose passes SERVICE.
#   docker build --build-arg SERVICE=journal-service -t backcare/journal-service .
FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl ${SERVICE} -am package

FROM eclipse-temurin:17-jre
ARG SERVICE
WORKDIR /app
RUN useradd --system --uid 185 backcare
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/ /app/
USER 185
EXPOSE 8080
ENV QUARKUS_HTTP_HOST=0.0.0.0 QUARKUS_HTTP_PORT=8080 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
