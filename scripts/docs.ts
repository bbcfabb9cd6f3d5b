import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { buildVariablesSchema, type FieldDoc, type InterfaceDocs } from "../modules/variables-schema";

/** The project's root (bin/app.js says where it is: a bundle's __dirname is its cache folder). */
export const ROOT = process.env.NOTEBOOK_ALLOWLIST_ROOT ?? join(__dirname, "..");

const SETTINGS = join(ROOT, "modules/settings.ts");
const DOCUMENTED = ["AllowlistProps", "EnvironmentVariables", "LocalBackendVariables", "S3BackendVariables", "CloudBackendVariables"];

/** One documented field: its TSDoc, its TypeScript type and whether it may be left out. */
export interface FieldInfo extends FieldDoc {
  readonly name: string;
  readonly type: string;
  readonly optional: boolean;
}

/** Every field of the public settings interfaces, with its TSDoc, read with the TypeScript compiler. */
export function readFields(): Record<string, FieldInfo[]> {
  const source = ts.createSourceFile(SETTINGS, readFileSync(SETTINGS, "utf8"), ts.ScriptTarget.ES2022, true);
  const result: Record<string, FieldInfo[]> = {};
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && DOCUMENTED.includes(node.name.text)) {
      result[node.name.text] = node.members.filter(ts.isPropertySignature).map((member) => fieldInfo(member, source));
    }
  });
  return result;
}

function fieldInfo(member: ts.PropertySignature, source: ts.SourceFile): FieldInfo {
  const [doc] = ts.getJSDocCommentsAndTags(member).filter(ts.isJSDoc);
  const description = ts.getTextOfJSDocComment(doc?.comment)?.replace(/\s+/g, " ").trim() ?? "";
  const defaultTag = doc?.tags?.find((tag) => tag.tagName.text === "default");
  const defaultText = ts.getTextOfJSDocComment(defaultTag?.comment)?.replace(/\s+/g, " ").trim();
  return {
    name: member.name.getText(source),
    type: (member.type?.getText(source) ?? "unknown").replace(/readonly /g, ""),
    optional: member.questionToken !== undefined,
    description,
    default: defaultText,
  };
}

/** The TSDoc of every documented interface, as the schema builder takes it. */
export function interfaceDocs(fields = readFields()): InterfaceDocs {
  return Object.fromEntries(
    Object.entries(fields).map(([name, list]) => [name, Object.fromEntries(list.map((field) => [field.name, field]))]),
  );
}

/** schema/variables.schema.json as it should read. */
export function renderSchema(): string {
  return `${JSON.stringify(buildVariablesSchema(interfaceDocs()), null, 2)}\n`;
}

// Markdown table cell text: pipes escaped, and <placeholders> kept visible (not read as HTML).
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function table(fields: readonly FieldInfo[]): string {
  const rows = fields.map((field) => {
    const type = field.type
      .replace("Readonly<Record<string, string>>", "object (name to value)")
      .replace("BackendVariables", "object (see backends)");
    const fallback = field.optional ? (field.default ?? "").replace(/^- /, "") : "required";
    return `| \`${field.name}\` | ${type} | ${cell(fallback)} | ${cell(field.description)} |`;
  });
  return ["| field | type | default | meaning |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** The README's generated sections, by marker name. */
export function generatedSections(fields = readFields()): Record<string, string> {
  const environment = [
    ...fields.EnvironmentVariables.filter((field) => field.name === "region"),
    ...fields.AllowlistProps,
    ...fields.EnvironmentVariables.filter((field) => field.name !== "region"),
  ];
  const backend = (name: string, type: string) => `**\`${type}\`**\n\n${table(fields[name].filter((field) => field.name !== "type"))}`;
  return {
    variables: table(environment),
    backends: [
      backend("LocalBackendVariables", "local"),
      backend("S3BackendVariables", "s3"),
      backend("CloudBackendVariables", "cloud"),
    ].join("\n\n"),
    construct: table(fields.AllowlistProps),
  };
}

/** The README with every generated section replaced by what the code says. */
export function renderReadme(readme: string): string {
  let result = readme;
  for (const [name, content] of Object.entries(generatedSections())) {
    const pattern = new RegExp(`(<!-- generated:${name} -->)[\\s\\S]*?(<!-- /generated:${name} -->)`);
    if (!pattern.test(result)) {
      throw new Error(`README.md has no <!-- generated:${name} --> section`);
    }
    result = result.replace(pattern, (_match, start: string, end: string) => `${start}\n${content}\n${end}`);
  }
  return result;
}
