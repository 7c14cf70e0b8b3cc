// Checksums of a shipped snapshot: a SHA256SUMS file beside the data, checked before an import reads
// a byte, so that a changed or truncated file stops the import instead of entering the graph.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

export class ChecksumError extends Error {}

/**
 * Checks the files a SHA256SUMS file lists (`<sha256>  <path>` lines, as `sha256sum` writes them)
 * against their contents. Returns the number of files checked (0 when the folder has no SHA256SUMS);
 * a missing or changed file is an error naming it.
 */
export async function verifyChecksums(dir: string): Promise<number> {
  let text: string;
  try {
    text = await readFile(path.join(dir, "SHA256SUMS"), "utf8");
  } catch {
    return 0;
  }
  let checked = 0;
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]{64})\s+\*?(.+)$/.exec(line.trim());
    if (!m) continue;
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(dir, m[2]));
    } catch {
      throw new ChecksumError(`${m[2]} is listed in ${path.join(dir, "SHA256SUMS")} but missing`);
    }
    const actual = createHash("sha256").update(bytes).digest("hex");
    if (actual !== m[1]) throw new ChecksumError(`${m[2]} does not match its checksum in SHA256SUMS (sha256 ${actual}, expected ${m[1]}): the snapshot was changed`);
    checked++;
  }
  return checked;
}
