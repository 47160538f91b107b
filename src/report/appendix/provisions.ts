import { FieldReader } from '../../util/fields.js';
import { InputError, type Problem } from '../../util/problems.js';
import { readYamlFile } from '../../util/yaml.js';
import { packageFile } from '../../util/packageFile.js';

/** The regulatory map the appendix prints: `regulatory/provisions.yaml`, shipped with the package. */
export const PROVISIONS_FILE = packageFile('regulatory/provisions.yaml');

export const PROVISION_STATUSES = [
  'in force',
  'in force, amendment proposed',
  'in force, dates amended',
  'draft guidance',
  'guiding principles',
  'voluntary framework',
] as const;

/** What in a run directory can support a provision (regulatory-evidence.json lists the files of each). */
export const EVIDENCE_KINDS = [
  'findings',
  'secondary',
  'shifts',
  'flips',
  'probes',
  'subgroups',
  'controls',
  'worstCases',
  'methods',
  'manifest',
  'modelCard',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The run-dependent parts a provision's text may name in braces. */
export const PLACEHOLDERS = ['evidence', 'bases:section1557', 'bases:euAiAct', 'referenceStandard'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface Provision {
  id: string;
  framework: string;
  provision: string;
  asks: string;
  evidence: string;
  evidenceSupplied?: string;
  notEstablished: string;
  notEstablishedSupplied?: string;
  status: (typeof PROVISION_STATUSES)[number];
  statusNote?: string;
  source: string;
  /** YYYY-MM-DD: when the row was last checked against its source. */
  checked: string;
  supports: EvidenceKind[];
}

const FIELDS = [
  'id',
  'framework',
  'provision',
  'asks',
  'evidence',
  'evidenceSupplied',
  'notEstablished',
  'notEstablishedSupplied',
  'status',
  'statusNote',
  'source',
  'checked',
  'supports',
] as const;

/** Reads and checks a provisions file; every problem (file, line, field) is collected and thrown once. */
export function loadProvisions(file: string = PROVISIONS_FILE): Provision[] {
  const problems: Problem[] = [];
  const source = readYamlFile(file, problems);
  if (!source) throw new InputError(problems);
  const r = new FieldReader(source, problems);
  const root = r.record(source.value, []);
  const ids = new Set<string>();
  const provisions = root
    ? r.recordList(root.provisions, ['provisions'], FIELDS, (obj, at) => {
        const text = (key: (typeof FIELDS)[number], optional = false) => {
          const value = r.string(obj, key, at, { optional });
          if (value !== undefined)
            for (const name of unknownPlaceholders(value))
              r.problem([...at, key], `names {${name}}, which is not one of {${PLACEHOLDERS.join('}, {')}}`);
          return value;
        };
        const id = text('id');
        if (id !== undefined && ids.has(id))
          r.problem([...at, 'id'], `"${id}" is used twice; ids key regulatory-evidence.json and must be unique`);
        if (id !== undefined) ids.add(id);
        const checked = text('checked');
        if (checked !== undefined && !isDate(checked))
          r.problem([...at, 'checked'], `"${checked}" is not a date (YYYY-MM-DD): write the day the row was checked against its source`);
        const status = r.oneOf(obj, 'status', PROVISION_STATUSES, at);
        const supports = r.stringList(obj, 'supports', at);
        for (const kind of supports ?? [])
          if (!(EVIDENCE_KINDS as readonly string[]).includes(kind))
            r.problem([...at, 'supports'], `"${kind}" is not one of ${EVIDENCE_KINDS.join(', ')}`);
        const row = {
          id,
          framework: text('framework'),
          provision: text('provision'),
          asks: text('asks'),
          evidence: text('evidence'),
          notEstablished: text('notEstablished'),
          source: text('source'),
          checked,
          status,
          supports,
        };
        if (Object.values(row).some((v) => v === undefined)) return undefined;
        const evidenceSupplied = text('evidenceSupplied', true);
        const notEstablishedSupplied = text('notEstablishedSupplied', true);
        const statusNote = text('statusNote', true);
        return {
          ...(row as Omit<Provision, 'evidenceSupplied' | 'notEstablishedSupplied' | 'statusNote'>),
          ...(evidenceSupplied === undefined ? {} : { evidenceSupplied }),
          ...(notEstablishedSupplied === undefined ? {} : { notEstablishedSupplied }),
          ...(statusNote === undefined ? {} : { statusNote }),
        } as Provision;
      })
    : [];
  if (root && provisions.length === 0 && problems.length === 0) r.problem(['provisions'], 'lists no provision');
  if (problems.length > 0) throw new InputError(problems);
  return provisions;
}

/** Fills a provision's {placeholders} from the run. */
export function fillPlaceholders(text: string, values: Readonly<Record<Placeholder, string>>): string {
  return text.replace(/\{([a-zA-Z:0-9]+)\}/g, (whole, name: string) => values[name as Placeholder] ?? whole);
}

function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{([a-zA-Z:0-9]+)\}/g)].map((m) => m[1]!).filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
}

function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
