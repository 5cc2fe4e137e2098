#!/usr/bin/env bash
# Builds the JMH benchmarks (Maven profile "bench") and runs those whose name matches REGEX (all by default).
#
#   bench/jmh.sh [REGEX] [more JMH options]
#   JMH_OPTS="-f 2 -wi 5 -i 10" bench/jmh.sh Render     # more forks and iterations
#
# The defaults are modest (one fork, 3 warm-up and 5 measured iterations of 2 s) because the build machine has
# 2 cores shared with other builds; set JMH_OPTS to override them. `bench/jmh.sh -h` lists JMH's options.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -ntp -q -Pbench -pl bench/jmh -am package -DskipTests
# shellcheck disable=SC2086 # JMH_OPTS is a list of options, split on purpose
exec java -jar bench/jmh/target/benchmarks.jar ${JMH_OPTS:--f 1 -wi 3 -i 5 -w 2s -r 2s} "$@"
