#!/usr/bin/env bash
# Install the pinned NL Design System component CSS and copy it to app/static/vendor/.
#
# Idempotent: `npm ci` runs only when node_modules is missing or older than
# package-lock.json, and the files are copied only when they changed.
# app/static/vendor/ is generated (git-ignored); run this before `flask run` or the tests.
set -euo pipefail

cd "$(dirname "$0")/.."

pkg_dir="node_modules/@utrecht/component-library-css"
vendor_dir="app/static/vendor"

if ! command -v npm >/dev/null 2>&1; then
    echo "vendor_css: npm is not installed; install Node.js and npm first" >&2
    exit 1
fi

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    npm ci --no-audit --no-fund --ignore-scripts
fi

if [[ ! -f "$pkg_dir/dist/index.css" ]]; then
    echo "vendor_css: $pkg_dir/dist/index.css not found after npm ci" >&2
    exit 1
fi

mkdir -p "$vendor_dir"

copy_if_changed() {
    if ! cmp -s "$1" "$2"; then
        cp "$1" "$2"
        echo "vendor_css: wrote $2"
    fi
}

copy_if_changed "$pkg_dir/dist/index.css" "$vendor_dir/utrecht.css"
# Mark the output as fresh for make, also when its content did not change.
touch "$vendor_dir/utrecht.css"
# The components are EUPL-1.2; ship the licence next to the file we serve.
copy_if_changed "$pkg_dir/LICENSE.md" "$vendor_dir/utrecht-LICENSE.md"
