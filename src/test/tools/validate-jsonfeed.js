// Validates JSON Feed files against the JSON Feed 1.1 schema (npm jsonfeed-schema, ajv, ajv-formats).
// Usage: node validate-jsonfeed.js TOOLS_DIR FILE...  Prints one line per problem; exit 0 when all are valid.
'use strict'
const fs = require('fs')
const path = require('path')

const [tools, ...files] = process.argv.slice(2)
if (!tools || files.length === 0) {
  console.error('usage: node validate-jsonfeed.js TOOLS_DIR FILE...')
  process.exit(2)
}
const load = name => require(path.join(tools, 'node_modules', name))
const Ajv = load('ajv').default
const addFormats = load('ajv-formats').default
const schema = load('jsonfeed-schema/v1.1')

const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)
const validate = ajv.compile(schema)

let problems = 0
for (const file of files) {
  let feed
  try {
    feed = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (e) {
    console.log(`${file}: not JSON: ${e.message}`)
    problems++
    continue
  }
  if (feed.version !== 'https://jsonfeed.org/version/1.1') {
    console.log(`${file}: version is ${JSON.stringify(feed.version)}, not 1.1`)
    problems++
  }
  if (!validate(feed)) {
    for (const err of validate.errors) console.log(`${file}: ${err.instancePath || '/'} ${err.message}`)
    problems++
  }
}
process.exit(problems === 0 ? 0 : 1)
