<?php
// WordPress's own wpautop(), from the installed WordPress, over standard input: what
// WordPress does to classic-editor content (and anything else without block marks)
// when it shows a post. Used by tests/browser/wpautop.test.mjs.
define('ABSPATH', '/usr/share/wordpress/');
define('WPINC', 'wp-includes');
require ABSPATH . WPINC . '/plugin.php';
require ABSPATH . WPINC . '/formatting.php';
echo wpautop(stream_get_contents(STDIN));
