const { src, dest } = require('gulp');
const { rm } = require('fs/promises');

/** Removes the previous build so renamed or deleted sources never linger in the published tarball. */
async function clean() {
	await rm('dist', { recursive: true, force: true });
}

/** tsc only emits JavaScript and JSON: icons are copied next to the files that reference them. */
function assets() {
	return src(['icons/**/*.svg', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.clean = clean;
exports.assets = assets;
