// Files that hold a local password (a service's config, the owner's sign-in): only the user who
// runs the scripts may read them, whatever the umask.
const fs = require('node:fs');

/** Writes `text` to a new file (never an existing one, nor through a link) with mode 0600. */
function writePrivateFile(path, text) {
	fs.writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
	// The mode given on creation is narrowed by the umask, never widened: set it exactly.
	fs.chmodSync(path, 0o600);
}

module.exports = { writePrivateFile };
