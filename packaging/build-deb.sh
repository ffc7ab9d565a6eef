#!/usr/bin/env bash
# Builds Earmark's .deb with Tauri's bundler; `./earmark-dev package` runs it
# after installing what it needs (tests/setup/install-system-deps.sh package).
#
#   1. the bundler: @tauri-apps/cli, prebuilt, at the version packaging/package-lock.json pins
#   2. release binaries, stripped: the app (`tauri build --no-bundle`) and earmark-cli
#   3. Depends: what dpkg-shlibdeps finds the two binaries link, for this machine's release
#   4. the .deb (`tauri bundle`), with earmark-cli, the changelog and Depends added
#      through a generated config merged over src-tauri/tauri.conf.json
#   5. checks: desktop-file-validate, appstreamcli validate, lintian (no errors)
#
# Everything it says goes to stderr; stdout gets one line, the .deb's path.
# Nothing is downloaded after step 1 (deb bundling needs no tools from the network).
set -euo pipefail
exec 3>&1 1>&2

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
target="${CARGO_TARGET_DIR:-$HOME/.cache/earmark-target}"
export CARGO_TARGET_DIR="$target"
work="$target/earmark-deb"
rm -rf "$work"
mkdir -p "$work"

say() { printf '  -- %s\n' "$*"; }

# 1. The bundler. `npm ci` again only when the lockfile changed.
stamp="$here/node_modules/.package-lock.sha256"
wanted="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
if [[ "$(cat "$stamp" 2>/dev/null || true)" != "$wanted" ]]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$wanted" > "$stamp"
fi
tauri="$here/node_modules/.bin/tauri"
say "bundler: $("$tauri" --version)"

# 2. Release binaries, both in one cargo run (two runs would build the shared
# crates twice, with different features). Stripped (lintian:
# unstripped-binary-or-object is an error); a panic's file and line still reach
# errors.log, only its backtrace loses the function names.
export CARGO_PROFILE_RELEASE_STRIP=symbols
(cd "$repo/src-tauri" && "$tauri" build --no-bundle --ci -- -p earmark -p earmark-cli)
app="$target/release/earmark"
cli="$target/release/earmark-cli"

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n 1)"
arch="$(dpkg --print-architecture)"
if ! grep -q "<release version=\"$version\"" "$here/app.earmark.desktop.metainfo.xml"; then
    echo "packaging/app.earmark.desktop.metainfo.xml has no <release version=\"$version\">: add it" >&2
    exit 1
fi

# 3. Depends, from the libraries the binaries link (dpkg-shlibdeps wants a debian/control).
mkdir -p "$work/shlibs/debian"
printf 'Source: earmark\n\nPackage: earmark\nArchitecture: any\n' > "$work/shlibs/debian/control"
shlibs="$(cd "$work/shlibs" && dpkg-shlibdeps -O "$app" "$cli")"
shlibs="${shlibs#shlibs:Depends=}"
say "Depends: $shlibs"
depends_json=""
IFS=',' read -ra relations <<< "$shlibs"
for relation in "${relations[@]}"; do
    relation="$(echo "$relation" | sed 's/^ *//; s/ *$//')"
    depends_json+="${depends_json:+, }\"$relation\""
done

# The changelog a native package carries (lintian: no-changelog is an error),
# dated by the commit it was built from.
if commit="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null)"; then
    when="$(LC_ALL=C date -R -u -d "@$(git -C "$repo" log -1 --format=%ct)")"
else
    commit="a source tree without git history"
    when="$(LC_ALL=C date -R -u)"
fi
{
    printf 'earmark (%s) unstable; urgency=medium\n\n' "$version"
    printf '  * Built from %s with Tauri'"'"'s bundler (./earmark-dev package).\n\n' "$commit"
    printf ' -- Earmark developers <dev@earmark.app>  %s\n' "$when"
} | gzip -9n > "$work/changelog.gz"

# 4. The .deb: tauri.conf.json's bundle, plus what only this build knows.
cat > "$work/package.conf.json" <<EOF
{
  "bundle": {
    "linux": {
      "deb": {
        "depends": [$depends_json],
        "files": {
          "/usr/bin/earmark-cli": "$cli",
          "/usr/share/doc/earmark/changelog.gz": "$work/changelog.gz"
        }
      }
    }
  }
}
EOF
rm -f "$target/release/bundle/deb/"*.deb
(cd "$repo/src-tauri" && "$tauri" bundle --bundles deb --ci --config "$work/package.conf.json")
deb="$(ls "$target/release/bundle/deb/"*"_${version}_${arch}.deb")"

# 5. Checks on what the package holds.
dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"
dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/Earmark.desktop"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/app.earmark.desktop.metainfo.xml"
say "lintian $(lintian --version | cut -d' ' -f2):"
lintian --fail-on error --display-info "$deb"
say "lintian: no errors"

echo "$deb" >&3
