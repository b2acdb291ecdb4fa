#!/bin/sh
# atomcover inside the image: the prebuilt fat jar; JAVA_OPTS for extra JVM flags (e.g. -Xmx32g).
# libjsig keeps the JVM's signal handlers in place when the OpenCL driver installs its own (without
# it the JVM crashes at random once a driver is loaded); only the Java process gets it.
java=$(readlink -f "$(command -v java)")
jsig="$(dirname "$(dirname "$java")")/lib/libjsig.so"
if [ -f "$jsig" ]; then
    LD_PRELOAD="$jsig${LD_PRELOAD:+:$LD_PRELOAD}"
    export LD_PRELOAD
fi
# shellcheck disable=SC2086
exec "$java" -XX:+UseParallelGC -XX:MaxRAMPercentage=75 -Datomcover.home=/opt/atomcover $JAVA_OPTS \
    -jar /opt/atomcover/atomcover.jar "$@"
