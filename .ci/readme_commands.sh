#!/usr/bin/env bash
# Print the README's two first commands (its first two indented lines), one a line, as a new user reads them.
set -euo pipefail
awk '/^---$/ {exit} /^    [^ ]/ {sub(/^    /, ""); print}' "$(dirname "$0")/../README.md" | head -n 2
