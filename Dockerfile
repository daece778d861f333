# The suqi image: the built platform jar and its libraries. Build the jars first:
#   mvn -B -DskipTests install && docker build -t suqi .
FROM eclipse-temurin:17-jre
WORKDIR /opt/suqi
COPY platform/target/suqi-platform.jar platform/target/lib/ /opt/suqi/lib/
VOLUME /var/lib/suqi
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.suqi.schemas", "-cp", "/opt/suqi/lib/*", "io.suqi.platform.cli.SuqiCli"]
CMD ["up", "--data-dir", "/var/lib/suqi"]
