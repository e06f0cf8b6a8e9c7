import {expect, test} from 'vitest';
import {handleFromHref, normaliseHandle} from '../src/linkedin/handles';

test.each([
	['alice-martin', 'alice-martin'],
	['Alice-Martin/', 'alice-martin'],
	['@bob-nguyen', 'bob-nguyen'],
	['https://www.linkedin.com/in/Bob-Nguyen/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB', 'bob-nguyen'],
	['https://www.linkedin.com/in/david%2Dleroy', 'david-leroy'],
	['/in/chlo%C3%A9-dubois/recent-activity/all/', 'chloé-dubois'],
	['https://fr.linkedin.com/in/julien-roux#about', 'julien-roux'],
	['linkedin.com/in/Karim-Haddad', 'karim-haddad'],
])('normaliseHandle(%s) → %s', (input, handle) => {
	expect(normaliseHandle(input)).toBe(handle);
});

test.each([
	['https://www.linkedin.com/in/ACoAAB1234567890abcdef'], // Member id: no vanity handle.
	['https://www.linkedin.com/company/acme-cloud/'],
	['https://evil.example/in/alice-martin/'],
	['https://www.linkedin.com/in/%E0%A4%A/'], // Broken percent-encoding.
	['has space'],
	[''],
])('normaliseHandle(%s) → null', input => {
	expect(normaliseHandle(input)).toBeNull();
});

test('handleFromHref resolves relative links against linkedin.com', () => {
	expect(handleFromHref('/in/grace-kim/')).toBe('grace-kim');
	expect(handleFromHref('/feed/hashtag/?keywords=atlas')).toBeNull();
});
