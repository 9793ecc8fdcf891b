// The standard wording of the maklumat pelayanan, prefilled on a unit's first version and editable.
export const MAKLUMAT_TEXT = {
  id: 'Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.',
  source: { tag: 'S', ref: 'domain-spec §7.2: standard wording reproduced identically by many unit websites and applications' },
} as const;
