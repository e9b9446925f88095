#!/usr/bin/env bash
# ask-cli's build hook (it wins over every other build flow): $1 is the zip ask-cli uploads.
# We upload the esbuild bundle alone, never node_modules.
set -euo pipefail
zip_path="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
npm run build --silent
node scripts/zip-bundle.mjs "$zip_path"
