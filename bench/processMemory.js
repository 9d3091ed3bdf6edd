// Samples the summed resident memory (RSS) of process trees: the given processes and all their
// descendants (n8n's task runners, for instance), read from /proc. Linux only.
const { readdirSync, readFileSync } = require('node:fs');

function parentsByPid() {
	const parents = new Map();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// Field 4 of /proc/<pid>/stat, after the command name in parentheses.
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			parents.set(Number(entry), ppid);
		} catch {
			// the process ended meanwhile
		}
	}
	return parents;
}

function treeOf(roots, parents) {
	const tree = new Set(roots);
	let grew = true;
	while (grew) {
		grew = false;
		for (const [pid, ppid] of parents) {
			if (tree.has(ppid) && !tree.has(pid)) {
				tree.add(pid);
				grew = true;
			}
		}
	}
	return tree;
}

function rssKiB(pid) {
	try {
		const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

/** Summed RSS of the trees rooted at `rootPids`, in KiB, now. */
function treeRssKiB(rootPids) {
	let sum = 0;
	for (const pid of treeOf(rootPids, parentsByPid())) sum += rssKiB(pid);
	return sum;
}

/** Starts sampling every `intervalMs`; stop() returns the peak summed RSS in MiB. */
function sampleTreeRss(rootPids, intervalMs = 250) {
	let peakKiB = treeRssKiB(rootPids);
	const timer = setInterval(() => {
		peakKiB = Math.max(peakKiB, treeRssKiB(rootPids));
	}, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			peakKiB = Math.max(peakKiB, treeRssKiB(rootPids));
			return Math.round(peakKiB / 1024);
		},
	};
}

module.exports = { treeRssKiB, sampleTreeRss };
