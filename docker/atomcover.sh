#!/bin/sh
# atomcover inside the image: the prebuilt fat jar; JAVA_OPTS for extra JVM flags (e.g. -Xmx32g).
exec java -XX:+UseParallelGC -XX:MaxRAMPercentage=75 -Datomcover.home=/opt/atomcover $JAVA_OPTS \
    -jar /opt/atomcover/atomcover.jar "$@"
