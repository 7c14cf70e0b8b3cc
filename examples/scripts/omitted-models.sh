#!/usr/bin/env bash
# Asks a running AI Actors Graph API which models a report omitted, with curl.
#   bash examples/scripts/omitted-models.sh [report-slug]
# KG_URL (default http://127.0.0.1:4000/graphql) names the API. Prints the JSON answer; with jq
# installed, one line per model: slug, basis, country, claimed by (a source's title, else its
# description: a statement known only through an article has no title).
set -euo pipefail
slug="${1:-ai-index-2024}"
url="${KG_URL:-http://127.0.0.1:4000/graphql}"
case "$slug" in *[!a-z0-9-]*) echo "omitted-models: '$slug' is not a slug" >&2; exit 2 ;; esac
query='query Omitted($slug: String!) { report(slug: $slug) { omittedModels { basis model { slug name country { code } } claimedBy { title description } } } }'
body=$(printf '{"query":"%s","variables":{"slug":"%s"}}' "$query" "$slug")
answer=$(curl -sS --fail-with-body -H 'content-type: application/json' --data "$body" "$url")
if command -v jq >/dev/null 2>&1; then
  jq -r '.data.report.omittedModels[] | [.model.slug, .basis, (.model.country.code // ""), ([.claimedBy[] | .title // .description] | join("; "))] | @tsv' <<<"$answer"
else
  printf '%s\n' "$answer"
fi
