/**
 * Unit tests (pure TypeScript, and checks of repository files); the fast tier (workflows of this package's nodes
 * run in-process by n8n's own engine, n8n-core, against the fake Pinterest API on a fake clock); and end-to-end
 * tests (a real n8n against the fake Pinterest API).
 */
module.exports = {
	projects: [
		{
			displayName: 'unit',
			preset: 'ts-jest',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/unit'],
			// Tests of repository files (release workflows, package contents) are JavaScript: the node lint
			// rules forbid file and process access in TypeScript.
			testMatch: ['**/*.test.ts', '**/*.test.js'],
			transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
		},
		{
			displayName: 'engine',
			preset: 'ts-jest',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/engine'],
			testMatch: ['**/*.engine.test.ts'],
			setupFilesAfterEnv: ['<rootDir>/test/engine/harness/setup.ts'],
			transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/*.e2e.test.js'],
			globalSetup: '<rootDir>/test/harness/globalSetup.js',
			globalTeardown: '<rootDir>/test/harness/globalTeardown.js',
			slowTestThreshold: 120,
		},
	],
	// One worker unless told otherwise: `npm run test:e2e` runs two, each in a lane of its own (a fake API and an
	// n8n user folder, test/harness/lane.js), so the tests of one file never meet another file's.
	maxWorkers: 1,
	testTimeout: 180000,
};
