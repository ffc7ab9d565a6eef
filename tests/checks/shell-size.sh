#!/usr/bin/env bash
# The desktop shell stays thin (docs/architecture.md): at most 1,500 non-blank lines
# in src-tauri/src, each file counted up to its `#[cfg(test)]`. Use-cases belong in
# earmark-api, where the command line shares them.
set -euo pipefail
cd "$(dirname "$0")/../.."
limit=1500
total=0
while IFS= read -r file; do
  lines=$(awk '/#\[cfg\(test\)\]/{exit} NF{c++} END{print c+0}' "$file")
  total=$((total + lines))
done < <(find src-tauri/src -name '*.rs' | sort)
if ((total > limit)); then
  echo "The shell has $total non-blank lines before its tests; the bound is $limit." >&2
  echo "Move use-cases into src-tauri/crates/earmark-api." >&2
  exit 1
fi
echo "The shell: $total non-blank lines (bound $limit)."
