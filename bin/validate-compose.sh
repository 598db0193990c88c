#!/usr/bin/env bash
# Validates docker-compose.yml offline, without a Docker daemon: dclint checks it against the
# compose-spec schema plus its correctness rules (style-only rules are off in .dclintrc.json;
# require-project-name-field too, because Debian's docker-compose 1.29 rejects a top-level `name:`).
#
#   bin/validate-compose.sh                 checks <repo>/docker-compose.yml
#   bin/validate-compose.sh FILE...         checks the given compose files
#
# Needs Node.js >= 20.19 with npx; the first run downloads the pinned dclint into the npx cache.
# When Debian's docker-compose 1.29 is on PATH, `docker-compose config -q` must accept the files too
# (it parses offline); a top-level `name:` is refused either way.
# Exit status: 0 valid, 1 invalid, 2 cannot validate (no node/npx, missing file, download failure).
set -euo pipefail

DCLINT_VERSION=3.1.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fail() {
  echo "validate-compose: $*" >&2
  exit 2
}

for tool in node npx; do
  command -v "$tool" >/dev/null 2>&1 \
    || fail "'$tool' not found on PATH; install Node.js >= 20.19 (with npm/npx) to validate compose files"
done
node -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  process.exit(major > 20 || (major === 20 && minor >= 19) ? 0 : 1);
' || fail "dclint@$DCLINT_VERSION needs Node.js >= 20.19, found $(node --version)"

files=()
if [ $# -eq 0 ]; then
  set -- "$ROOT/docker-compose.yml"
fi
for file in "$@"; do
  case "$file" in
    /*) ;;
    *) file="$PWD/$file" ;;
  esac
  [ -f "$file" ] || fail "no such file: $file"
  files+=("$file")
done

color=--no-color
[ -t 1 ] && color=--color

# Run from the repo root with an explicit config, so neither the caller's cwd nor a package.json
# above it changes which dclint runs or which rules apply. --prefer-offline: no registry round trip
# once the pinned version is in the npm cache.
status=0
(cd "$ROOT" && npx --yes --prefer-offline "dclint@$DCLINT_VERSION" \
    --config "$ROOT/.dclintrc.json" --max-warnings 0 "$color" "${files[@]}") || status=$?

case "$status" in
  0) ;;
  1) echo "validate-compose: INVALID (dclint@$DCLINT_VERSION found the problems listed above): ${files[*]}" >&2
     exit 1 ;;
  *) fail "dclint@$DCLINT_VERSION could not run (exit $status); is the npm registry reachable for the first download?" ;;
esac

checked="dclint@$DCLINT_VERSION"
for file in "${files[@]}"; do
  if grep -qE '^name[[:space:]]*:' "$file"; then
    echo "validate-compose: INVALID: $file has a top-level 'name:', which docker-compose 1.29 rejects" >&2
    exit 1
  fi
  if command -v docker-compose >/dev/null 2>&1; then
    docker-compose -f "$file" config -q \
      || { echo "validate-compose: INVALID: docker-compose $(docker-compose version --short 2>/dev/null) rejects $file" >&2; exit 1; }
  fi
done
command -v docker-compose >/dev/null 2>&1 && checked="$checked + docker-compose $(docker-compose version --short 2>/dev/null)"
echo "validate-compose: OK ($checked): ${files[*]}"
