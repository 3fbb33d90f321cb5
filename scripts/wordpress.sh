#!/usr/bin/env bash
# Installs what tests/browser/wordpress.test.mjs runs against: WordPress from Debian's
# package (with its default block theme, Twenty Twenty-Three), PHP's command line and
# MariaDB. Nothing is started or configured for real sites: the test runs its own
# throwaway database server and `php -S` in a temporary directory, and this script only
# writes the Debian host config that such a site reads (/etc/wordpress/config-ovp-test.php,
# chosen with WORDPRESS_CONFIG=ovp-test; every value in it comes from the test's
# environment). Safe to run again: it skips what is already there.
set -euo pipefail

PACKAGES=(wordpress wordpress-theme-twentytwentythree php-cli php-mysql mariadb-server)
CONFIG=/etc/wordpress/config-ovp-test.php

log() { printf 'wordpress: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  # Without recommends: no translations (wordpress-l10n) or extra themes.
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

config=$(cat <<'PHP'
<?php
// A throwaway WordPress for tests/browser/wordpress.test.mjs (written by scripts/wordpress.sh
// of open-vs-proprietary). The test chooses it with WORDPRESS_CONFIG=ovp-test and sets
// the database socket, the site's address and its wp-content folder in the environment.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:' . getenv('OVP_WP_DB_SOCKET'));
define('WP_HOME', getenv('OVP_WP_URL'));
define('WP_SITEURL', getenv('OVP_WP_URL'));
define('WP_CONTENT_DIR', getenv('OVP_WP_CONTENT_DIR'));
define('WP_CONTENT_URL', getenv('OVP_WP_URL') . '/wp-content');
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', getenv('OVP_WP_CONTENT_DIR') . '/debug.log');
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $name) {
    define($name, 'ovp-test-' . $name . '-' . getenv('OVP_WP_DB_SOCKET'));
}
PHP
)
if [ "$(cat "$CONFIG" 2>/dev/null)" != "$config" ]; then
  log "writing $CONFIG"
  printf '%s\n' "$config" | as_root tee "$CONFIG" >/dev/null
fi

log "ready: WordPress $(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" /usr/share/wordpress/wp-includes/version.php), $(php --version | head -n 1 | cut -d " " -f 1-2), MariaDB $(mariadbd --version | grep -o "Ver [0-9.]*" | cut -d " " -f 2)"
