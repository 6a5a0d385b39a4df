// Citation.js reads a citation file the way a reference manager built on it would, and
// prints what it understood as CSL-JSON: node tests/citationjs_read.mjs FILE FORMAT
// (FORMAT: bibtex, ris or csl). Used by tests/test_exports.py.
import { readFileSync } from "node:fs";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";

const [file, format] = process.argv.slice(2);
const text = readFileSync(file, "utf8");
const forced = { bibtex: "@biblatex/text", ris: "@ris/file", csl: "@csl/list+object" }[format];
const input = format === "csl" ? JSON.parse(text) : text;
const cite = await Cite.async(input, forced ? { forceType: forced } : {});
process.stdout.write(JSON.stringify(cite.data));
