// TCP ports on loopback that nothing listens on right now.
const net = require('node:net');

/** `port` if it is free, else (or when none is given) one the system picks. */
function freePort(port = 0) {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', (error) =>
			port && error.code === 'EADDRINUSE' ? freePort().then(resolve, reject) : reject(error),
		);
		server.listen(port, '127.0.0.1', () => {
			const { port: listening } = server.address();
			server.close(() => resolve(listening));
		});
	});
}

module.exports = { freePort };
