#!/bin/sh
# Installs the Nu HTML checker (npm vnu-jar) into $1 for the integration tests, once.
set -eu
dir=$1
jar="$dir/node_modules/vnu-jar/build/dist/vnu.jar"
if [ -f "$jar" ]; then exit 0; fi
mkdir -p "$dir"
npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$dir" vnu-jar@26.9.27 >/dev/null
test -f "$jar" || { echo "install-tools: vnu.jar missing after npm install" >&2; exit 1; }
