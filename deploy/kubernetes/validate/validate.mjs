// Reads rendered manifests (several YAML documents) on stdin and validates each against the JSON schema of its
// apiVersion and kind, as the Kubernetes API server would, without a cluster. Unknown kinds are an error.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { Deployment } from "kubernetes-models/apps/v1";
import { ConfigMap, Service, Secret } from "kubernetes-models/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";

const models = {
  "apps/v1/Deployment": Deployment,
  "v1/ConfigMap": ConfigMap,
  "v1/Service": Service,
  "v1/Secret": Secret,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
};

const documents = parseAllDocuments(readFileSync(0, "utf8")).filter((d) => d.contents !== null);
let failures = 0;
const seen = [];
for (const document of documents) {
  if (document.errors.length > 0) {
    console.error(`YAML error: ${document.errors[0].message}`);
    failures++;
    continue;
  }
  const manifest = document.toJS();
  const key = `${manifest.apiVersion}/${manifest.kind}`;
  const name = `${manifest.kind} ${manifest.metadata?.name}`;
  const Model = models[key];
  if (!Model) {
    console.error(`${name}: no schema known for ${key}`);
    failures++;
    continue;
  }
  try {
    new Model(manifest).validate();
    seen.push(name);
  } catch (error) {
    console.error(`${name}: ${error.message}`);
    failures++;
  }
}
for (const deployment of documents.map((d) => d.toJS()).filter((m) => m.kind === "Deployment")) {
  for (const container of deployment.spec?.template?.spec?.containers ?? []) {
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      if (!container[probe]) {
        console.error(`Deployment ${deployment.metadata.name}: container ${container.name} has no ${probe}`);
        failures++;
      }
    }
    if (!container.resources?.requests || !container.resources?.limits) {
      console.error(`Deployment ${deployment.metadata.name}: container ${container.name} lacks resource requests or limits`);
      failures++;
    }
  }
}
if (failures > 0) {
  console.error(`${failures} manifest problem(s)`);
  process.exit(1);
}
console.log(`${seen.length} manifests valid: ${seen.join(", ")}`);
