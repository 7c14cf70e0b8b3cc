// Snapshots of Ecosystem Graphs for the importer's tests: the real one (when present), and a small
// one written to a temporary folder, with one of each defect the importer must handle.
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** The real snapshot: ECOSYSTEM_GRAPHS_DIR, else the team's shared copy. */
export const SNAPSHOT_DIR = process.env.ECOSYSTEM_GRAPHS_DIR ?? "/work/shared/datasets/ecosystem-graphs";
export const hasSnapshot = existsSync(path.join(SNAPSHOT_DIR, "README.md"));

const README = `# Ecosystem Graphs assets (test snapshot)

The \`assets/\` folder of Stanford CRFM's Ecosystem Graphs, commit 576655a544c974e91b7ca02e26cf7ba4c8347516
(2025-01-24), cut down for tests.

Cite as: Bommasani et al., "Ecosystem Graphs: The Social Footprint of Foundation Models",
2023, arXiv:2303.15772.
`;

const FILES: Record<string, string> = {
  "naver.yaml": `
- type: model
  name: HyperCLOVA
  organization: NAVER
  nationality: South Korea
  created_date:
    explanation: The date the model paper was submitted to arxiv
    value: 2021-05-21
  size: 82B parameters
  access:
    explanation: The model is not available for download or direct API use
    value: closed
  license: unknown
  dependencies: []
- type: model
  name: HyperCLOVA X
  organization: Naver
  nationality: South Korea
  created_date: 2024-04-13
  size: unknown
  access: limited
  dependencies: [HyperCLOVA]
`,
  "konan.yaml": `
- type: model
  name: Konan LLM
  organization: Konan
  nationality: Japan
  created_date: 2023-09-17
  size: 13B parameters
  access: limited
  dependencies: []
`,
  "misc.yaml": `
- type: model
  name: Mistral
  organization: Mistral AI
  nationality: France
  created_date: 2023-09-27
  size: 7.3B parameters (dense)
  dependencies: []
- type: model
  name: OpenHermes 2.5 Mistral
  organization:
    explanation: developed as a personal project by Teknium, co-founder of Nous Research
    value: Nous Research
  nationality: Canada
  created_date: 2023-11-03
  size: 7B parameters (dense)
  dependencies: [Mistral, OpenHermes 2.5 Dataset, CommonCrawl]
- type: model
  name: Hermes 2 Pro-Mistral
  organization: Nous
  nationality: unknown
  created_date: 2024-03
  dependencies: [Mistral, Common Crawl]
- type: model
  name: ChatGLM
  organization: ChatGLM
  nationality: China
  created_date: 2023-03-14
  dependencies: []
- type: model
  name: ChatGLM
  organization: Team GLM, Zhipu AI, Tsinghua University
  nationality: China
  created_date: 2023-07-02
  dependencies: [ChatGLM]
- type: model
  name: GPT-4o
  organization: OpenAI
  nationality: USA
  created_date: 2024-05-13
  dependencies: []
- type: model
  name: GPT-4o
  organization: OpenAI
  nationality: USA
  created_date: 2024-08-08
  dependencies: []
- type: model
  name: Megatron-Turing NLG
  organization: Microsoft, NVIDIA
  nationality: International
  created_date: 2022
  size: 530B parameters (dense)
  dependencies: []
- type: application
  name: ChatGPT for Slack
  organization: OpenAI, Salesforce
  nationality: Atlantis
  created_date: unknown
  dependencies: [GPT-4]
- type: dataset
  name: Gen-3 Corpus
  organization: Runway AI, Inc.
  nationality: USA
  created_date: 2024-06-17
  size: 200 GB
  dependencies: {explanation: compiled from unknown datasets, value: []}
- type: paper
  name: A survey
  organization: Nobody
- name: ''
  type: model
- just a line of text
`,
  "broken.yaml": "- type: model\n  name: [unclosed\n",
  "not-a-list.yaml": "type: model\nname: Loose\n",
};

/** Records the small snapshot holds in its list files (broken.yaml and not-a-list.yaml give none). */
export const FIXTURE_RECORDS = 16;

/** Writes the small snapshot into a new temporary folder and returns it. */
export async function writeFixtureSnapshot(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ecosystem-graphs-"));
  await writeFile(path.join(dir, "README.md"), README);
  for (const [file, text] of Object.entries(FILES)) await writeFile(path.join(dir, file), text);
  return dir;
}
