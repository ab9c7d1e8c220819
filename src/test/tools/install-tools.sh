#!/bin/sh
# Installs the integration tests' tools into $1, once: the Nu HTML checker (npm vnu-jar), axe-core, and the
# JSON Feed 1.1 schema with the validator that reads it (jsonfeed-schema, ajv, ajv-formats).
set -eu
dir=$1
jar="$dir/node_modules/vnu-jar/build/dist/vnu.jar"
axe="$dir/node_modules/axe-core/axe.min.js"
jsonfeed="$dir/node_modules/jsonfeed-schema/schema-v1.1.json"
ajv="$dir/node_modules/ajv/dist/ajv.js"
formats="$dir/node_modules/ajv-formats/dist/index.js"
if [ -f "$jar" ] && [ -f "$axe" ] && [ -f "$jsonfeed" ] && [ -f "$ajv" ] && [ -f "$formats" ]; then exit 0; fi
mkdir -p "$dir"
npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$dir" vnu-jar@26.9.27 axe-core@4.11.0 \
  jsonfeed-schema@0.5.0 ajv@8 ajv-formats@3 >/dev/null
for f in "$jar" "$axe" "$jsonfeed" "$ajv" "$formats"; do
  test -f "$f" || { echo "install-tools: $f missing after npm install" >&2; exit 1; }
done
