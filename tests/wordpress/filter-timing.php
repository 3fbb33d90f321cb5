<?php
// Times the plugin's the_content filter (ovp_complete_elements) on hostile posts of the
// sizes given in KB on the command line, outside WordPress: WordPress's hooks are no-ops
// here, and no post holds a complete element, so nothing else of WordPress is reached.
// Prints one JSON object: post kind => size in KB => the fastest of nine runs, in
// seconds (the run least slowed by whatever else the machine does).
define( 'ABSPATH', __DIR__ );
function add_action( ...$args ) {}
function add_filter( ...$args ) {}
require __DIR__ . '/../../wordpress/open-vs-proprietary/open-vs-proprietary.php';

$posts = array(
	// Opening tags that never close, as a broken paste or an attacker's post would hold.
	'unclosed tags'      => '<p><open-vs-proprietary lang="en">',
	// Lookalike tags, and a closing tag at the very end.
	'lookalike tags'     => '<open-vs-proprietary-x>',
	// Script tags that never end, where a pasted snippet's script is looked for.
	'unfinished scripts' => '<open-vs-proprietary><script src="',
);
$times = array();
foreach ( $posts as $kind => $unit ) {
	foreach ( array_slice( $argv, 1 ) as $kb ) {
		$post = str_repeat( $unit, intdiv( (int) $kb * 1024, strlen( $unit ) ) );
		if ( 'lookalike tags' === $kind ) {
			$post .= '</open-vs-proprietary>';
		}
		$runs = array();
		for ( $i = 0; $i < 9; $i++ ) {
			$start = hrtime( true );
			ovp_complete_elements( $post );
			$runs[] = ( hrtime( true ) - $start ) / 1e9;
		}
		$times[ $kind ][ $kb ] = min( $runs );
	}
}
echo json_encode( $times ), "\n";
