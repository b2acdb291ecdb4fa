#!/bin/sh
# The image's ENTRYPOINT: `docker run IMAGE compress ...` runs `atomcover compress ...` through the
# distribution's launcher (bin/atomcover: JAVA_OPTS for extra JVM flags, libjsig for OpenCL drivers).
# A leading "atomcover" is dropped, so `docker run IMAGE atomcover devices` works too.
# ATOMCOVER_HOME: where the distribution is unpacked (/opt/atomcover in the image).
if [ "${1:-}" = atomcover ]; then
    shift
fi
exec "${ATOMCOVER_HOME:-/opt/atomcover}/bin/atomcover" "$@"
