#!/bin/sh
# broadside-init: creates a Broadside campaign site in the current, empty folder on a machine that
# has Java 17 but no Maven. It downloads the plugin jar from Maven Central, runs the plugin's `init`
# goal through the Maven wrapper that the jar carries (the wrapper downloads Maven itself), and
# leaves that wrapper in the new site, so the site needs nothing but Java from then on.
#
#   mkdir our-campaigns && cd our-campaigns
#   sh /path/to/broadside-init.sh -Dbroadside.title="Our campaigns" -Dbroadside.baseUrl=https://campaigns.example.org/
#
# Every argument goes to `init` (see `broadside:help -Ddetail -Dgoal=init`).
# BROADSIDE_VERSION   the plugin version to use; default: the newest release on the repository.
# MVNW_REPOURL        a Maven repository to use instead of Maven Central (a company mirror); the
#                     Maven wrapper reads the same variable for the Maven download.
# Needs curl or wget, and unzip or the JDK's jar tool.
set -eu

repo="${MVNW_REPOURL:-https://repo.maven.apache.org/maven2}"
repo="${repo%/}"
plugin="io/github/broadside/broadside-maven-plugin"

fail() {
  echo "broadside-init: $*" >&2
  exit 1
}

fetch() { # url file
  if command -v curl >/dev/null; then
    curl -fsSL -o "$2" "$1" || fail "could not download $1"
  elif command -v wget >/dev/null; then
    wget -q -O "$2" "$1" || fail "could not download $1"
  else
    fail "install curl or wget first"
  fi
}

command -v java >/dev/null || [ -n "${JAVA_HOME-}" ] || fail "install Java 17 or newer first"

tool="$(mktemp -d)"
trap 'rm -rf "$tool"' EXIT INT TERM

version="${BROADSIDE_VERSION-}"
if [ -z "$version" ]; then
  fetch "$repo/$plugin/maven-metadata.xml" "$tool/maven-metadata.xml"
  version="$(sed -n 's:.*<release>\(.*\)</release>.*:\1:p' "$tool/maven-metadata.xml" | head -n 1)"
  [ -n "$version" ] || fail "no release of broadside-maven-plugin found at $repo; set BROADSIDE_VERSION"
fi

jar="$tool/broadside-maven-plugin-$version.jar"
fetch "$repo/$plugin/$version/broadside-maven-plugin-$version.jar" "$jar"

# The wrapper (mvnw, mvnw.cmd, .mvn/wrapper/maven-wrapper.properties) travels in the jar for init.
wrapper="io/github/broadside/scaffold/wrapper"
if command -v unzip >/dev/null; then
  unzip -q "$jar" "$wrapper/*" -d "$tool"
else
  (cd "$tool" && jar xf "$jar" "$wrapper")
fi
chmod +x "$tool/$wrapper/mvnw"

echo "broadside-init: running broadside-maven-plugin $version init in $(pwd)"
"$tool/$wrapper/mvnw" -B "io.github.broadside:broadside-maven-plugin:$version:init" "$@"
