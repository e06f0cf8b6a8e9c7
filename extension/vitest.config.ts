import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		environment: 'jsdom',
		environmentOptions: {jsdom: {url: 'https://www.linkedin.com/feed/'}},
		include: ['test/**/*.test.ts'],
	},
});
