// The CloudFormation template codec of the game: templates and manifests in, a Design out, and back again.

export { loadDesign, parseManifestText, type LoadedDesign, type LoadOptions } from './manifest.ts';
export { isNoEcho, shownParameterValue } from './parameters.ts';
export { manifestSchema, readManifest, type Manifest, type ManifestStack } from './manifest-schema.ts';
export { exportDesign, type CliParameter, type ExportedDesign, type ExportedManifest } from './export.ts';
export { parseTemplateText } from './template-text.ts';
export { templateToYaml } from './template-yaml.ts';
export { checkDesign } from './design-checks.ts';
export { publicSubnets, subnetIsPublic } from './public-subnets.ts';
export { SHORT_TAGS } from './short-tags.ts';
