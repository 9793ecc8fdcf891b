// Tables owned by the conflict-of-interest module (prefix coi_).
export {};
