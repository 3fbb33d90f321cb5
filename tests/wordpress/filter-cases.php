<?php
// Which posts the plugin's the_content filter leaves as they are because a snippet was
// pasted whole, script and all (ovp_has_embed_script), outside WordPress as
// filter-timing.php runs it. Prints one JSON object: case => true or false.
define( 'ABSPATH', __DIR__ );
function add_action( ...$args ) {}
function add_filter( ...$args ) {}
require __DIR__ . '/../../wordpress/open-vs-proprietary/open-vs-proprietary.php';

echo json_encode(
	array(
		'module script'     => ovp_has_embed_script( '<p>x</p><script type="module" src="https://cdn.example/ovp/embed.js" integrity="sha384-x" crossorigin="anonymous"></script><open-vs-proprietary></open-vs-proprietary>' ),
		'plain script'      => ovp_has_embed_script( '<script src="/ovp/embed.js"></script>' ),
		'another script'    => ovp_has_embed_script( '<script src="/theme/app.js"></script><open-vs-proprietary></open-vs-proprietary>' ),
		'embed.js in text'  => ovp_has_embed_script( '<p>Load /embed.js" with a script tag.</p>' ),
	)
), "\n";
