# The query side as a container; expects the jar built by ./mvnw -DskipTests package.
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 omniops
USER omniops
WORKDIR /app
COPY query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar app.jar
EXPOSE 8081
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -Ddisable-axoniq-console-message=true"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar app.jar"]
