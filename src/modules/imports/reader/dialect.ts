export const csvDelimiters = [",", ";", "\t"] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

const maxSampleRecords = 20;

/**
 * Counts each candidate delimiter per record outside quotes. Records may span lines when a quoted
 * cell holds a newline, so this walks characters rather than splitting on "\n".
 */
function delimiterCountsPerRecord(sample: string, complete: boolean): Map<CsvDelimiter, number[]> {
  const counts = new Map<CsvDelimiter, number[]>(csvDelimiters.map((d) => [d, []]));
  let current = new Map<CsvDelimiter, number>(csvDelimiters.map((d) => [d, 0]));
  let inQuotes = false;
  let records = 0;
  const finishRecord = () => {
    for (const d of csvDelimiters) counts.get(d)?.push(current.get(d) ?? 0);
    current = new Map(csvDelimiters.map((d) => [d, 0]));
    records++;
  };
  for (let i = 0; i < sample.length && records < maxSampleRecords; i++) {
    const char = sample[i];
    if (char === '"') {
      // A doubled quote inside quotes is an escaped quote and leaves the quoted state unchanged.
      if (inQuotes && sample[i + 1] === '"') i++;
      else inQuotes = !inQuotes;
    } else if (!inQuotes && char === "\n") {
      finishRecord();
    } else if (!inQuotes && (char === "," || char === ";" || char === "\t")) {
      current.set(char, (current.get(char) ?? 0) + 1);
    }
  }
  // The last record of a truncated sample is partial; only count it when the sample is the whole file.
  if (complete && !inQuotes && records < maxSampleRecords) finishRecord();
  return counts;
}

/**
 * Picks the delimiter whose count is the same on the header and most sampled records, preferring
 * more columns on ties. A single-column file has no delimiter at all: that falls back to ",".
 */
export function detectDelimiter(sample: string, sampleIsWholeFile = false): CsvDelimiter {
  const text = sample.replace(/\r\n?/g, "\n").replace(/^\uFEFF/, "");
  const perRecord = delimiterCountsPerRecord(text, sampleIsWholeFile);
  let best: CsvDelimiter = ",";
  let bestScore = -1;
  for (const delimiter of csvDelimiters) {
    const counts = (perRecord.get(delimiter) ?? []).filter((_, index, all) => {
      // A trailing blank line has no delimiters and would unfairly lower every candidate.
      return !(index === all.length - 1 && all.length > 1 && all[index] === 0);
    });
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((count) => count === header).length;
    const score = (consistent / counts.length) * 1000 + header;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}
