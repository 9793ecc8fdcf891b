// Public surface of the evidence module: data dukung (files and links) attached to subjects of
// other modules, e.g. the items of an LKE worksheet (subjectType 'lke_item', subjectId = worksheet
// id, subjectKey = item code).
import type { ModuleDefinition } from '../../kernel/module.ts';
import { evidencePolicy } from './evidence.policy.ts';
import { evidenceMessages } from './evidence.messages.ts';
import { registerEvidenceRoutes } from './evidence.routes.tsx';
export { evidencePolicy } from './evidence.policy.ts';
export { evidenceMessages } from './evidence.messages.ts';
export { registerEvidenceRoutes } from './evidence.routes.tsx';
export { formatFileSize, fileTypeLabel } from './evidence.pages.tsx';
/** The one evidence fragment of a form and the one evidence list (evidence.ui.tsx), and the choice they post (evidence.choice.ts). */
export { EvidenceFields, EvidenceList } from './evidence.ui.tsx';
export {
  EVIDENCE_FIELDS, evidenceChoiceOf, checkEvidenceChoice, attachEvidenceChoice,
  type EvidenceChoice, type EvidenceFieldsInput, type EvidenceTarget,
} from './evidence.choice.ts';
export {
  uploadEvidence, attachFile, attachUrl, detachEvidence, copyEvidenceLinks, checkUpload, checkUrl, sanitizeFileName,
  type EvidenceActor, type UploadInput, type UploadResult, type CopyLinksInput,
} from './evidence.service.ts';
export {
  listEvidenceFor, listEvidenceOfSubjects, countEvidenceFor, listUnitFiles, findEvidenceFile,
  type EvidenceLinkView, type EvidenceFileRow, type EvidenceLinkRow, type UnitFileView, type UnitFilesFilter, type Subject as EvidenceSubject,
} from './evidence.queries.ts';
import type { NavItem } from '../../kernel/ui/view.ts';

export const evidenceNav: NavItem[] = [
  { href: '/evidence', labelKey: 'nav.evidence', action: 'evidence.view', group: 'main' },
];

/** The evidence module (manifest; decision 0015). */
export const evidenceModule: ModuleDefinition = {
  name: 'evidence',
  policies: [evidencePolicy],
  messages: [evidenceMessages],
  nav: evidenceNav,
  routes: (r) => registerEvidenceRoutes(r),
};
