// CSV export (RFC 4180): every table of the dashboard goes through here.

export type Cell = string | number | boolean | null | undefined;

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an
// apostrophe (OWASP's advice for CSV injection); numbers are written as they are.
function text(cell: Cell): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	if (typeof cell === 'boolean') return cell ? 'true' : 'false';
	return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quoted(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
	const lines = [headers, ...rows].map(row => row.map(cell => quoted(text(cell))).join(','));
	return lines.join('\r\n') + '\r\n';
}

export function parseCsv(csv: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let inQuotes = false;
	for (let i = 0; i < csv.length; i++) {
		const ch = csv[i];
		if (inQuotes) {
			if (ch === '"' && csv[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') inQuotes = false;
			else cell += ch;
		} else if (ch === '"') inQuotes = true;
		else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\r' && csv[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += ch;
	}
	if (cell !== '' || row.length > 0) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}
