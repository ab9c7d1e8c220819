#!/bin/sh
# Installs the Nu HTML checker (npm vnu-jar) and axe-core into $1 for the integration tests, once.
set -eu
dir=$1
jar="$dir/node_modules/vnu-jar/build/dist/vnu.jar"
axe="$dir/node_modules/axe-core/axe.min.js"
if [ -f "$jar" ] && [ -f "$axe" ]; then exit 0; fi
mkdir -p "$dir"
npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$dir" vnu-jar@26.9.27 axe-core@4.11.0 >/dev/null
test -f "$jar" || { echo "install-tools: vnu.jar missing after npm install" >&2; exit 1; }
test -f "$axe" || { echo "install-tools: axe-core missing after npm install" >&2; exit 1; }
